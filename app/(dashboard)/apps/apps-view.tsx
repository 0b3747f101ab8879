'use client';

import { useState } from 'react';
import { CreatableListPage } from '@/components/dashboard/creatable-list-page';
import { useI18n } from '@/components/i18n/client';
import { SecretReveal } from '@/components/ui/secret-reveal';
import { AppsTable } from './apps-table';
import { RegisterAppForm, type RegisteredApp } from './register-app-form';

export function AppsView() {
  const { t } = useI18n();
  const [registered, setRegistered] = useState<RegisteredApp | null>(null);

  return (
    <CreatableListPage
      title={t('apps.title')}
      description={t('apps.description')}
      createLabel={t('apps.register')}
      createForm={(close) => (
        <RegisterAppForm
          onRegistered={(app) => {
            close();
            setRegistered(app);
          }}
          onCancel={close}
        />
      )}
      notice={
        registered ? (
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
        ) : null
      }
    >
      <AppsTable />
    </CreatableListPage>
  );
}
