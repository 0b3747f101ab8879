'use client';

import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { cx } from '@/components/ui/cx';
import type { DayCell } from './reconciliation-types';

/** Ours and the channel's totals of a day next to each other; a figure that differs is marked. */
export function SideTotals({ cell, className }: { cell: Pick<DayCell, 'ours' | 'channel' | 'channelFee'>; className?: string }) {
  const { t } = useI18n();
  const rows = [
    { label: t('reconciliation.totals.payments'), ours: [cell.ours.paymentCount, cell.ours.paymentAmount], channel: [cell.channel.paymentCount, cell.channel.paymentAmount] },
    { label: t('reconciliation.totals.refunds'), ours: [cell.ours.refundCount, cell.ours.refundAmount], channel: [cell.channel.refundCount, cell.channel.refundAmount] },
  ] as const;
  return (
    <table className={cx('w-full text-sm tabular-nums', className)}>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th scope="col" className="py-1 pr-2 font-medium">
            <span className="sr-only">{t('reconciliation.totals.payments')}</span>
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">{t('reconciliation.sides.ours')}</th>
          <th scope="col" className="py-1 text-right font-medium">{t('reconciliation.sides.channel')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const differs = row.ours[0] !== row.channel[0] || row.ours[1] !== row.channel[1];
          const side = ([count, amount]: readonly [number, number]) => (
            <>
              {formatFen(amount)} <span className="text-xs text-slate-500">{t('reconciliation.totals.count', { count })}</span>
            </>
          );
          return (
            <tr key={row.label} className={differs ? 'text-amber-900' : 'text-slate-800'}>
              <th scope="row" className="py-0.5 pr-2 text-left font-normal text-slate-600">{row.label}</th>
              <td className="py-0.5 pr-2 text-right">{side(row.ours)}</td>
              <td className={cx('py-0.5 text-right', differs && 'font-semibold')}>{side(row.channel)}</td>
            </tr>
          );
        })}
        <tr className="text-slate-800">
          <th scope="row" className="py-0.5 pr-2 text-left font-normal text-slate-600">{t('reconciliation.totals.fee')}</th>
          <td className="py-0.5 pr-2 text-right text-slate-400">—</td>
          <td className="py-0.5 text-right">{cell.channelFee === null ? '—' : `¥${cell.channelFee}`}</td>
        </tr>
      </tbody>
    </table>
  );
}
