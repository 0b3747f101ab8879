'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import type { MerchantDetail } from '../merchant-types';
import { useAnnounce } from '../_form/announcer';
import { ConfirmAction } from '@/components/ui/confirm-action';

/** Disables a merchant (no new payments, MERCHANT_DISABLED) or enables it again, after confirmation. */
export function MerchantStatusAction({ merchant }: { merchant: MerchantDetail }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const setStatus = useMutation(trpc.merchants.setStatus.mutationOptions());
  const disabling = merchant.status === 'ACTIVE';
  const values = { name: merchant.name };

  return (
    <ConfirmAction
      label={disabling ? t('merchants.toggle.disable') : t('merchants.toggle.enable')}
      title={disabling ? t('merchants.toggle.disableTitle', values) : t('merchants.toggle.enableTitle', values)}
      description={disabling ? t('merchants.toggle.disableBody') : t('merchants.toggle.enableBody')}
      confirmLabel={disabling ? t('merchants.toggle.confirmDisable') : t('merchants.toggle.confirmEnable')}
      destructive={disabling}
      action={async () => {
        await setStatus.mutateAsync({ merchantId: merchant.id, status: disabling ? 'DISABLED' : 'ACTIVE' });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId: merchant.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.merchants.list.queryKey() }),
        ]);
      }}
      onDone={() => announce(disabling ? t('merchants.toggle.disabled') : t('merchants.toggle.enabled'))}
      testId="merchant-status-action"
    />
  );
}
