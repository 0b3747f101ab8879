'use client';

import { useId, useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SecretReveal } from '@/components/ui/secret-reveal';
import { AppsTable } from './apps-table';
import { RegisterAppForm, type RegisteredApp } from './register-app-form';

export function AppsView() {
  const { t } = useI18n();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<RegisteredApp | null>(null);
  const panelId = useId();

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('apps.title')}
        description={t('apps.description')}
        actions={
          <Button aria-expanded={registering} aria-controls={panelId} onClick={() => setRegistering((open) => !open)}>
            {t('apps.register')}
          </Button>
        }
      />
      <section id={panelId} hidden={!registering} aria-label={t('apps.register')}>
        <Card className="mb-6 p-4 sm:p-6">
          {registering ? (
            <RegisterAppForm
              onRegistered={(app) => {
                setRegistering(false);
                setRegistered(app);
              }}
              onCancel={() => setRegistering(false)}
            />
          ) : null}
        </Card>
      </section>
      {registered ? (
        <SecretReveal
          className="mb-6"
          title={t('apps.registered.title', { name: registered.name })}
          description={t('apps.registered.description')}
          values={[
            { label: t('apps.registered.appId'), value: registered.id, testId: 'app-id' },
            { label: t('apps.registered.secret'), value: registered.secret, testId: 'app-secret' },
          ]}
          onDone={() => setRegistered(null)}
        />
      ) : null}
      <Card className="overflow-hidden">
        <AppsTable />
      </Card>
    </div>
  );
}
