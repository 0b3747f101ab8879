'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { ConfirmAction } from '@/components/ui/confirm-action';
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
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const reset = useMutation(trpc.users.resetPassword.mutationOptions());
  const toggle = useMutation(trpc.users.setDisabled.mutationOptions());
  const disabling = !user.disabled;

  return (
    <div className="-my-1 flex gap-1">
      <ConfirmAction
        variant="ghost"
        className="min-h-8 px-2 text-xs text-brand-800!"
        label={t('users.actions.resetPassword')}
        title={t('users.reset.title', { email: user.email })}
        description={t('users.reset.description')}
        confirmLabel={t('users.actions.resetPassword')}
        destructive
        action={async () => {
          const { temporaryPassword } = await reset.mutateAsync({ userId: user.id });
          onReveal({
            title: t('users.reset.done', { email: user.email }),
            description: t('users.reset.doneDescription'),
            values: [{ label: t('users.passwordLabel'), value: temporaryPassword, testId: 'temporary-password' }],
          });
          await invalidate();
        }}
      />
      <ConfirmAction
        variant="ghost"
        className={disabling ? 'min-h-8 px-2 text-xs text-red-700!' : 'min-h-8 px-2 text-xs text-brand-800!'}
        label={disabling ? t('users.actions.disable') : t('users.actions.enable')}
        title={t(disabling ? 'users.disable.title' : 'users.enable.title', { email: user.email })}
        description={t(disabling ? 'users.disable.description' : 'users.enable.description')}
        confirmLabel={disabling ? t('users.actions.disable') : t('users.actions.enable')}
        destructive={disabling}
        action={async () => {
          const updated = await toggle.mutateAsync({ userId: user.id, disabled: disabling });
          onNotice(t(updated.disabled ? 'users.disable.done' : 'users.enable.done', { email: updated.email }));
          await invalidate();
        }}
      />
    </div>
  );
}
