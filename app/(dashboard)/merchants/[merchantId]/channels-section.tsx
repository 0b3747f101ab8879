'use client';

import { useId, useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { MerchantDetail } from '../merchant-types';
import { useAnnounce } from '../_form/announcer';
import { usePanel } from '../_form/use-panel';
import { ActivateChannelForm } from './_channels/activate-channel-form';
import { ChannelCard } from './_channels/channel-card';

/** 支付渠道: one card per activated channel, and the form to activate another. */
export function ChannelsSection({ merchant, canManage }: { merchant: MerchantDetail; canManage: boolean }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const titleId = useId();
  const { open: activating, openerRef, panelRef, show, hide } = usePanel();
  const [newPaymentId, setNewPaymentId] = useState<string | null>(null);

  return (
    <section aria-labelledby={titleId} className="space-y-4" data-testid="channels-section">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {t('channels.title')}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-600">{t('channels.description')}</p>
        </div>
        {canManage && !activating ? (
          <Button ref={openerRef} onClick={show} data-testid="open-activate-channel">
            {t('channels.activate.open')}
          </Button>
        ) : null}
      </div>

      {activating ? (
        <Card ref={panelRef} className="p-4 sm:p-6">
          <h3 className="mb-4 text-base font-semibold text-slate-900">{t('channels.activate.title')}</h3>
          <ActivateChannelForm
            merchantId={merchant.id}
            onCancel={() => hide()}
            onActivated={(channel) => {
              hide({ returnFocus: false });
              setNewPaymentId(channel.paymentId);
              announce(
                t('channels.activate.success', {
                  channel: t(`channels.names.${channel.channel}`),
                  mode: t(`channels.modes.${channel.mode}`),
                  paymentId: channel.paymentId,
                }),
              );
            }}
          />
        </Card>
      ) : null}

      {merchant.channels.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
          {canManage ? t('channels.empty') : t('channels.emptyReadOnly')}
        </p>
      ) : (
        <div className="space-y-6">
          {merchant.channels.map((channel) => (
            <ChannelCard key={channel.paymentId} channel={channel} canManage={canManage} highlighted={channel.paymentId === newPaymentId} />
          ))}
        </div>
      )}
    </section>
  );
}
