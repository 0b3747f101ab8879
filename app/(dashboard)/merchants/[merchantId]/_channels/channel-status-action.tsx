'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import type { ChannelView } from '../../merchant-types';
import { useAnnounce } from '../../_form/announcer';
import { ConfirmAction } from '@/components/ui/confirm-action';

/** Disables a channel (no new payments through its payment ID) or enables it again, after confirmation. */
export function ChannelStatusAction({ channel }: { channel: ChannelView }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const update = useMutation(trpc.channels.updateSettings.mutationOptions());
  const disabling = channel.status === 'ENABLED';
  const values = { channel: t(`channels.names.${channel.channel}`), paymentId: channel.paymentId };

  return (
    <ConfirmAction
      label={disabling ? t('channels.toggle.disable') : t('channels.toggle.enable')}
      title={disabling ? t('channels.toggle.disableTitle', values) : t('channels.toggle.enableTitle', values)}
      description={disabling ? t('channels.toggle.disableBody', values) : t('channels.toggle.enableBody', values)}
      confirmLabel={disabling ? t('channels.toggle.confirmDisable') : t('channels.toggle.confirmEnable')}
      destructive={disabling}
      action={async () => {
        await update.mutateAsync({ paymentId: channel.paymentId, status: disabling ? 'DISABLED' : 'ENABLED' });
        await queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId: channel.merchantId }) });
      }}
      onDone={() => announce(disabling ? t('channels.toggle.disabled') : t('channels.toggle.enabled'))}
      testId="channel-status-action"
    />
  );
}
