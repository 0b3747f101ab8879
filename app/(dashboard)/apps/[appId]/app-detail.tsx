'use client';

import { useQuery } from '@tanstack/react-query';
import { DetailHeader, DetailUnavailable, EditSection } from '@/components/dashboard/detail-page';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { CopyableValue } from '@/components/ui/copy-button';
import { AppGrants } from './app-grants';
import { AppSecrets } from './app-secrets';
import { AppStatusAction } from './app-status-action';
import { EditAppForm } from './edit-app-form';

export function AppDetail({ appId }: { appId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.apps.get.queryOptions({ appId }));
  const app = query.data;
  const back = { href: '/apps', label: t('apps.detail.back') };

  if (!app) return <DetailUnavailable title={t('apps.detail.metaTitle')} back={back} error={query.error} />;

  return (
    <div className="mx-auto max-w-6xl">
      <DetailHeader
        back={back}
        name={app.name}
        status={app.status}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <span>{t('apps.detail.appId')}</span>
            <CopyableValue value={app.id} label={t('apps.detail.appId')} testId="app-detail-id" />
          </p>
        }
        actions={<AppStatusAction app={app} />}
      />
      {app.status === 'DISABLED' ? (
        <Alert tone="warning" className="mb-6">
          {t('apps.detail.disabledNotice')}
        </Alert>
      ) : null}
      <EditSection title={t('apps.detail.editTitle')}>
        <EditAppForm app={app} />
      </EditSection>
      <AppSecrets app={app} />
      <AppGrants grants={app.grants} />
    </div>
  );
}
