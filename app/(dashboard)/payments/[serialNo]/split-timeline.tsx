'use client';

import { useI18n } from '@/components/i18n/client';
import type { Translate } from '@/components/i18n/translate';
import { formatFen } from '@/components/money/fen';
import { TimelineList, type TimelineItem } from './payment-timeline';
import type { SplitTimelineEntry } from './split-types';

function describe(entry: SplitTimelineEntry, t: Translate): Omit<TimelineItem, 'at'> {
  switch (entry.kind) {
    case 'split.created':
      return { text: t('splits.payment.timeline.created', { amount: formatFen(entry.amount) }), detail: entry.splitSerialNo, tone: 'bg-amber-500' };
    case 'split.line.settled': {
      const values = { account: entry.receiverAccount, amount: formatFen(entry.amount) };
      return entry.status === 'SUCCEEDED'
        ? { text: t('splits.payment.timeline.lineSucceeded', values), detail: entry.splitSerialNo, tone: 'bg-green-600' }
        : { text: t('splits.payment.timeline.lineFailed', values), detail: [entry.splitSerialNo, entry.failReason].filter(Boolean).join(' · '), tone: 'bg-red-600' };
    }
    case 'splits.finish.requested':
      return { text: t('splits.payment.timeline.finishRequested'), tone: 'bg-slate-400' };
    case 'splits.finished':
      return { text: t('splits.payment.timeline.finished'), tone: 'bg-teal-600' };
  }
}

/** The payment's splitting, oldest first: splits asked, each receiver's line settled, the finish. */
export function SplitTimeline({ entries }: { entries: SplitTimelineEntry[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="split-timeline">
      <h3 className="mb-3 text-sm font-semibold text-slate-900">{t('splits.payment.timeline.title')}</h3>
      <TimelineList items={entries.map((entry) => ({ at: entry.at, ...describe(entry, t) }))} />
    </div>
  );
}
