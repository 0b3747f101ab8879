'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/components/ui/form-errors';
import type { RouterOutputs } from '../router-outputs';
import type { Reveal } from './reveal';

type User = RouterOutputs['users']['list']['items'][number];

export interface UserRowActionsProps {
  user: User;
  onReveal: (reveal: Reveal) => void;
  onNotice: (message: string) => void;
}

/** Reset password and disable/enable, each behind a confirmation. Not rendered on the viewer's own row. */
export function UserRowActions({ user, onReveal, onNotice }: UserRowActionsProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'reset' | 'toggle' | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });

  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: async ({ temporaryPassword }) => {
        setDialog(null);
        onReveal({
          title: t('users.reset.done', { email: user.email }),
          description: t('users.reset.doneDescription'),
          values: [{ label: t('users.passwordLabel'), value: temporaryPassword, testId: 'temporary-password' }],
        });
        await invalidate();
      },
    }),
  );
  const toggle = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: async (updated) => {
        setDialog(null);
        onNotice(t(updated.disabled ? 'users.disable.done' : 'users.enable.done', { email: updated.email }));
        await invalidate();
      },
    }),
  );
  const disabling = !user.disabled;

  function close() {
    setDialog(null);
    reset.reset();
    toggle.reset();
  }

  return (
    <div className="-my-1 flex gap-1">
      <Button variant="ghost" className="min-h-8 px-2 text-xs text-brand-800!" onClick={() => setDialog('reset')}>
        {t('users.actions.resetPassword')}
      </Button>
      <Button variant="ghost" className={disabling ? 'min-h-8 px-2 text-xs text-red-700!' : 'min-h-8 px-2 text-xs text-brand-800!'} onClick={() => setDialog('toggle')}>
        {disabling ? t('users.actions.disable') : t('users.actions.enable')}
      </Button>
      <ConfirmDialog
        open={dialog === 'reset'}
        title={t('users.reset.title', { email: user.email })}
        description={t('users.reset.description')}
        confirmLabel={t('users.actions.resetPassword')}
        destructive
        pending={reset.isPending}
        error={reset.error ? errorMessage(reset.error, t) : null}
        onConfirm={() => reset.mutate({ userId: user.id })}
        onCancel={close}
      />
      <ConfirmDialog
        open={dialog === 'toggle'}
        title={t(disabling ? 'users.disable.title' : 'users.enable.title', { email: user.email })}
        description={t(disabling ? 'users.disable.description' : 'users.enable.description')}
        confirmLabel={disabling ? t('users.actions.disable') : t('users.actions.enable')}
        destructive={disabling}
        pending={toggle.isPending}
        error={toggle.error ? errorMessage(toggle.error, t) : null}
        onConfirm={() => toggle.mutate({ userId: user.id, disabled: disabling })}
        onCancel={close}
      />
    </div>
  );
}
