'use client';

import { useI18n } from '@/components/i18n/client';
import type { Translate } from '@/components/i18n/translate';
import { formatFen } from '@/components/money/fen';
import { cx } from '@/components/ui/cx';
import type { TimelineEntry } from '../payment-types';
import { Section } from './section';

function describe(entry: TimelineEntry, t: Translate): { text: string; detail?: string; tone: string } {
  switch (entry.kind) {
    case 'attempt.created':
      return { text: t('payments.timeline.attempt.created'), tone: 'bg-slate-400' };
    case 'attempt.succeeded':
      return { text: t('payments.timeline.attempt.succeeded'), tone: 'bg-green-600' };
    case 'attempt.failed':
      return { text: t('payments.timeline.attempt.failed'), detail: [entry.code, entry.message].filter(Boolean).join(' · ') || undefined, tone: 'bg-red-600' };
    case 'attempt.closed':
      return { text: t('payments.timeline.attempt.closed'), tone: 'bg-slate-500' };
    case 'attempt.expired':
      return { text: t('payments.timeline.attempt.expired'), tone: 'bg-slate-500' };
    case 'refund.created':
    case 'refund.succeeded':
    case 'refund.failed':
      return {
        text: t(`payments.timeline.${entry.kind}`, { amount: formatFen(entry.amount) }),
        detail: entry.refundSerialNo,
        tone: entry.kind === 'refund.failed' ? 'bg-red-600' : entry.kind === 'refund.succeeded' ? 'bg-green-600' : 'bg-amber-500',
      };
    case 'callback':
      return { text: t('payments.timeline.callback', { outcome: t(`payments.outcomes.${entry.outcome}`) }), tone: 'bg-sky-600' };
    case 'event':
      return { text: t('payments.timeline.event', { type: entry.type }), tone: 'bg-indigo-600' };
    case 'alert':
      return { text: t('payments.timeline.alert', { message: entry.message }), tone: 'bg-amber-600' };
  }
}

/** To the second: callbacks, events and state changes often fall within the same minute. */
function Moment({ value }: { value: Date }) {
  const { locale } = useI18n();
  return (
    <time dateTime={value.toISOString()} className="text-xs text-slate-600 tabular-nums" suppressHydrationWarning>
      {new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(value)}
    </time>
  );
}

/** One described moment of a timeline. */
export interface TimelineItem {
  at: Date;
  text: string;
  detail?: string;
  /** The dot's colour class. */
  tone: string;
}

/** Moments oldest first, on a line of dots. */
export function TimelineList({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {items.map(({ at, text, detail, tone }, index) => (
        <li key={index} className="relative">
          <span aria-hidden="true" className={cx('absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full ring-4 ring-white', tone)} />
          <p className="text-sm font-medium break-words text-slate-900">{text}</p>
          {detail ? <p className="font-mono text-xs break-all text-slate-600">{detail}</p> : null}
          <Moment value={at} />
        </li>
      ))}
    </ol>
  );
}

/** Everything that happened to the attempt, oldest first. */
export function PaymentTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useI18n();
  return (
    <Section title={t('payments.timeline.title')} testId="payment-timeline">
      <TimelineList items={entries.map((entry) => ({ at: entry.at, ...describe(entry, t) }))} />
    </Section>
  );
}
