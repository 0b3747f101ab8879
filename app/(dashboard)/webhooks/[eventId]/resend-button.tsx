'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/components/ui/form-errors';

/** One more delivery attempt now (audited on the server); the answer is announced through `onDone`. */
export function ResendButton({ eventId, onDone }: { eventId: string; onDone: (notice: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resend = useMutation({
    ...trpc.webhooks.resend.mutationOptions(),
    onSuccess: async ({ delivered, attempt }) => {
      const reason = attempt.error ?? (attempt.statusCode ? `HTTP ${attempt.statusCode}` : t('webhooks.attempts.noAnswer'));
      onDone(delivered ? t('webhooks.detail.resent', { status: String(attempt.statusCode) }) : t('webhooks.detail.resendFailed', { reason }));
      await queryClient.invalidateQueries({ queryKey: trpc.webhooks.get.queryKey({ eventId }) });
    },
    onError: (error) => onDone(errorMessage(error, t)),
  });
  return (
    <Button variant="secondary" disabled={resend.isPending} onClick={() => resend.mutate({ eventId })}>
      {resend.isPending ? t('webhooks.detail.resending') : t('webhooks.detail.resend')}
    </Button>
  );
}
