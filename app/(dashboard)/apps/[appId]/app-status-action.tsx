'use client';

import { StatusToggleAction } from '@/components/dashboard/status-toggle-action';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';

/** Disable or enable the app, behind a confirmation that says what stays. */
export function AppStatusAction({ app }: { app: { id: string; name: string; status: 'ACTIVE' | 'DISABLED' } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const disabling = app.status === 'ACTIVE';

  return (
    <StatusToggleAction
      name={app.name}
      turningOff={disabling}
      label={disabling ? t('apps.detail.disable') : t('apps.detail.enable')}
      title={t(disabling ? 'apps.detail.disableTitle' : 'apps.detail.enableTitle', { name: app.name })}
      description={disabling ? t('apps.detail.disableDescription') : t('apps.detail.enableDescription')}
      mutation={trpc.apps.setStatus.mutationOptions()}
      variables={{ appId: app.id, status: disabling ? 'DISABLED' : 'ACTIVE' }}
      notice={(updated) => (updated.status === 'DISABLED' ? t('apps.detail.disabled') : t('apps.detail.enabled'))}
      invalidates={[trpc.apps.pathKey()]}
    />
  );
}
