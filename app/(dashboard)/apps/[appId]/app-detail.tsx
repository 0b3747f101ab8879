'use client';

import { useQuery } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CopyableValue } from '@/components/ui/copy-button';
import { errorMessage } from '@/components/ui/form-errors';
import { PageHeader } from '@/components/ui/page-header';
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

  if (!app) {
    return (
      <div className="mx-auto max-w-6xl">
        <PageHeader title={t('apps.detail.metaTitle')} back={back} />
        {query.error ? (
          <Alert tone="error" role="alert">
            {errorMessage(query.error, t)}
          </Alert>
        ) : (
          <p role="status" className="text-sm text-slate-600">
            {t('ui.table.loading')}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        back={back}
        title={
          <span className="inline-flex flex-wrap items-center gap-3">
            {app.name}
            <StatusBadge status={app.status} />
          </span>
        }
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
      <Card className="mb-8 p-4 sm:p-6">
        <h2 className="mb-4 text-base font-semibold text-slate-900">{t('apps.detail.editTitle')}</h2>
        <EditAppForm app={app} />
      </Card>
      <AppSecrets app={app} />
      <AppGrants grants={app.grants} />
    </div>
  );
}
