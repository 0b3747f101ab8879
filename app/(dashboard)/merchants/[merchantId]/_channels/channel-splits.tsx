'use client';

import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';
import type { ChannelView } from '../../merchant-types';
import { bpsToPercent } from '../channels/[paymentId]/splits/split-ratio';

/** Whether the channel splits payments and up to what share, with the way to its receivers. */
export function ChannelSplits({ channel }: { channel: ChannelView }) {
  const { t } = useI18n();
  return (
    <div>
      <dt className="font-medium text-slate-600">{t('splits.channel.label')}</dt>
      <dd className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <Badge tone={channel.splitEnabled ? 'teal' : 'slate'}>
          {channel.splitEnabled ? t('splits.channel.enabled', { ratio: `${bpsToPercent(channel.maxSplitRatioBps)}%` }) : t('splits.channel.disabled')}
        </Badge>
        <Link
          href={`/merchants/${channel.merchantId}/channels/${channel.paymentId}/splits`}
          className={cx('rounded text-sm font-medium text-brand-800 hover:underline', focusRing)}
          data-testid="channel-splits-link"
        >
          {t('splits.channel.manage')} <span aria-hidden="true">→</span>
        </Link>
      </dd>
    </div>
  );
}
