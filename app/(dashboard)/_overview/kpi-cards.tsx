'use client';

import { useI18n } from '@/components/i18n/client';
import type { MessageKey } from '@/components/i18n/translate';
import { formatFen } from '@/components/money/fen';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { changeOf, type Change } from './change';
import type { Figures } from './overview-types';
import { useNumberFormat } from './use-number-format';

type Key = 'collected' | 'net' | 'payments' | 'successRate' | 'averageTicket' | 'refundAmount' | 'refundRate';

/** Each card: its label, how it reads, whether a rise is good news, and its small print. */
const CARDS: Array<{ key: Key; label: MessageKey; unit: 'fen' | 'count' | 'rate'; riseIsGood: boolean }> = [
  { key: 'collected', label: 'overview.kpi.collected', unit: 'fen', riseIsGood: true },
  { key: 'net', label: 'overview.kpi.net', unit: 'fen', riseIsGood: true },
  { key: 'payments', label: 'overview.kpi.payments', unit: 'count', riseIsGood: true },
  { key: 'successRate', label: 'overview.kpi.successRate', unit: 'rate', riseIsGood: true },
  { key: 'averageTicket', label: 'overview.kpi.averageTicket', unit: 'fen', riseIsGood: true },
  { key: 'refundAmount', label: 'overview.kpi.refunds', unit: 'fen', riseIsGood: false },
  { key: 'refundRate', label: 'overview.kpi.refundRate', unit: 'rate', riseIsGood: false },
];

/** The period's headline figures, each with its change against the previous period. */
export function KpiCards({ totals, previous }: { totals: Figures; previous: Figures }) {
  const { t } = useI18n();
  const format = useNumberFormat();
  const show = (unit: 'fen' | 'count' | 'rate', value: number | null) => (value === null ? '—' : unit === 'fen' ? formatFen(value) : unit === 'count' ? format.count(value) : format.percent(value));
  const detail: Partial<Record<Key, string>> = {
    net: t('overview.kpi.netDetail'),
    successRate: t('overview.kpi.successDetail', { orders: format.count(totals.orders) }),
    refundAmount: t('overview.kpi.refundCount', { count: format.count(totals.refundCount) }),
  };

  function changeText(change: Change): string {
    if (change.kind === 'none') return t('overview.change.none');
    if (change.kind === 'same') return t('overview.change.same');
    const value = change.kind === 'points' ? t('overview.change.points', { value: format.decimal(change.value) }) : format.percent(change.value);
    return t(change.direction === 'up' ? 'overview.change.up' : 'overview.change.down', { value });
  }

  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      {CARDS.map((card, index) => {
        const change = changeOf(totals[card.key], previous[card.key], card.unit === 'rate' ? 'points' : 'percent');
        const good = 'direction' in change && (change.direction === 'up') === card.riseIsGood;
        return (
          <Card key={card.key} className={cx('min-w-0 p-4', index === 0 && 'col-span-2 lg:col-span-1')} data-testid={`kpi-${card.key}`}>
            <dt className="text-sm text-slate-600">{t(card.label)}</dt>
            <dd className="mt-1 text-xl font-semibold break-words text-slate-900 tabular-nums sm:text-2xl" data-testid={`kpi-${card.key}-value`}>
              {show(card.unit, totals[card.key])}
            </dd>
            <dd className={cx('mt-1 text-xs', 'direction' in change ? (good ? 'text-emerald-700' : 'text-red-700') : 'text-slate-500')}>{changeText(change)}</dd>
            {detail[card.key] ? <dd className="mt-0.5 text-xs text-slate-500">{detail[card.key]}</dd> : null}
          </Card>
        );
      })}
    </dl>
  );
}
