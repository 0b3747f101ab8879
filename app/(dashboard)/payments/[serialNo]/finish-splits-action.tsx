'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { splitErrorOverrides } from '../../split-errors';

/** "完结分账": after confirming, the channel releases what was not split to the merchant (audited). */
export function FinishSplitsAction({ serialNo, onFinished }: { serialNo: string; onFinished: (message: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const finish = useMutation(trpc.paymentSplits.finish.mutationOptions());
  return (
    <ConfirmAction
      label={t('splits.payment.finish.open')}
      title={t('splits.payment.finish.title')}
      description={t('splits.payment.finish.description')}
      confirmLabel={t('splits.payment.finish.confirm')}
      variant="primary"
      action={async () => {
        const result = await finish.mutateAsync({ serialNo });
        await queryClient.invalidateQueries({ queryKey: trpc.paymentSplits.pathKey() });
        onFinished(result.finishedAt ? t('splits.payment.finish.done') : t('splits.payment.finish.requested'));
      }}
      errorOverrides={(error) => splitErrorOverrides(error, t)}
      testId="finish-splits"
    />
  );
}
