'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/components/ui/form-errors';

/** Disable or enable the app, behind a confirmation that says what stays. */
export function AppStatusAction({ app }: { app: { id: string; name: string; status: 'ACTIVE' | 'DISABLED' } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const disabling = app.status === 'ACTIVE';

  const setStatus = useMutation(
    trpc.apps.setStatus.mutationOptions({
      onSuccess: async (updated) => {
        setOpen(false);
        setNotice(updated.status === 'DISABLED' ? t('apps.detail.disabled') : t('apps.detail.enabled'));
        await queryClient.invalidateQueries({ queryKey: trpc.apps.pathKey() });
      },
    }),
  );

  return (
    <>
      <Button
        variant="secondary"
        className={disabling ? 'text-red-700!' : undefined}
        onClick={() => {
          setStatus.reset();
          setNotice(null);
          setOpen(true);
        }}
      >
        {disabling ? t('apps.detail.disable') : t('apps.detail.enable')}
      </Button>
      {/* The badge and the notice below the header show the change; this line announces it. */}
      <p role="status" className="sr-only">
        {notice}
      </p>
      <ConfirmDialog
        open={open}
        title={t(disabling ? 'apps.detail.disableTitle' : 'apps.detail.enableTitle', { name: app.name })}
        description={disabling ? t('apps.detail.disableDescription') : t('apps.detail.enableDescription')}
        confirmLabel={disabling ? t('apps.detail.disable') : t('apps.detail.enable')}
        destructive={disabling}
        confirmText={disabling ? app.name : undefined}
        pending={setStatus.isPending}
        error={setStatus.error ? errorMessage(setStatus.error, t) : null}
        onConfirm={() => setStatus.mutate({ appId: app.id, status: disabling ? 'DISABLED' : 'ACTIVE' })}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
