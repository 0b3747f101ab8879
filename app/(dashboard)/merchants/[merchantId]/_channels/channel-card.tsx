'use client';

import { useEffect, useId, useRef } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { CopyableValue } from '@/components/ui/copy-button';
import { cx } from '@/components/ui/cx';
import type { ChannelView } from '../../merchant-types';
import { CertificateWhitelist } from '../_certificates/certificate-whitelist';
import { channelAccent, ChannelMark } from './channel-brand';
import { ChannelCredentials } from './channel-credentials';
import { ChannelInvokeMethods } from './channel-invoke-methods';
import { ChannelSplits } from './channel-splits';
import { ChannelStatusAction } from './channel-status-action';

export interface ChannelCardProps {
  channel: ChannelView;
  canManage: boolean;
  /** Just activated: marked, scrolled to and focused so the new payment ID is the first thing seen. */
  highlighted: boolean;
}

/** One payment channel of the merchant: its payment ID, methods, parameters and whitelist. */
export function ChannelCard({ channel, canManage, highlighted }: ChannelCardProps) {
  const { t } = useI18n();
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const name = t(`channels.names.${channel.channel}`);

  useEffect(() => {
    if (!highlighted) return;
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.focus({ preventScroll: true });
  }, [highlighted]);

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-testid="channel-card"
      data-payment-id={channel.paymentId}
      className={cx(
        'min-w-0 rounded-xl border border-t-4 border-slate-200 bg-white shadow-sm outline-none',
        channelAccent(channel.channel),
        highlighted && 'ring-2 ring-brand-600 ring-offset-2',
      )}
    >
      <div className="flex flex-col gap-3 border-b border-slate-100 p-4 sm:flex-row sm:items-start sm:justify-between sm:p-5">
        <div className="flex min-w-0 items-start gap-3">
          <ChannelMark channel={channel.channel} />
          <div className="min-w-0">
            <h3 id={titleId} className="text-base font-semibold text-slate-900">
              {name}
            </h3>
            <div className="mt-1 flex flex-wrap gap-1.5">
              <Badge tone={channel.mode === 'LIVE' ? 'indigo' : 'sky'}>{t(`channels.modes.${channel.mode}`)}</Badge>
              <StatusBadge status={channel.status} />
              {highlighted ? <Badge tone="amber">{t('channels.newlyActivated')}</Badge> : null}
            </div>
          </div>
        </div>
        {canManage ? <ChannelStatusAction channel={channel} /> : null}
      </div>

      <div className="space-y-6 p-4 sm:p-5">
        <dl className="space-y-4 text-sm">
          <div>
            <dt className="font-medium text-slate-600">{t('channels.paymentId')}</dt>
            <dd className={cx('mt-1 rounded-md', highlighted && 'bg-amber-50 p-2 ring-1 ring-amber-300')}>
              <CopyableValue value={channel.paymentId} label={`${name} ${t('channels.paymentId')}`} testId="payment-id" />
            </dd>
          </div>
          <ChannelInvokeMethods channel={channel} canManage={canManage} />
          {/* EasyPay has no splitting (api-contract.md). */}
          {channel.channel !== 'EASYPAY' ? <ChannelSplits channel={channel} /> : null}
        </dl>
        <ChannelCredentials channel={channel} canManage={canManage} />
        {channel.channel !== 'EASYPAY' ? <CertificateWhitelist channel={channel} canManage={canManage} /> : null}
      </div>
    </article>
  );
}
