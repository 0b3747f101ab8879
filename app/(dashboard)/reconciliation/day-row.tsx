'use client';

import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';
import { ReconciliationStatusBadge } from './reconciliation-status-badge';
import type { DayCell } from './reconciliation-types';
import { SideTotals } from './side-totals';

/** One day of one channel account: status, totals side by side, a link to the day (null: the account did not exist yet). */
export function DayRow({ paymentChannelId, cell }: { paymentChannelId: string; cell: DayCell | null }) {
  const { t } = useI18n();
  if (!cell) return null;
  const href = `/reconciliation/${encodeURIComponent(paymentChannelId)}/${cell.date}`;
  return (
    <li className="grid gap-3 px-4 py-3 sm:grid-cols-[8rem_minmax(0,1fr)] lg:grid-cols-[8rem_minmax(0,22rem)_minmax(0,1fr)] lg:items-center">
      <div className="flex items-center justify-between gap-2 sm:block">
        <Link href={href} className={cx('rounded font-medium text-brand-800 tabular-nums hover:underline', focusRing)} aria-label={t('reconciliation.open', { date: cell.date })}>
          {cell.date}
        </Link>
        <div className="sm:mt-1">
          <ReconciliationStatusBadge status={cell.status} />
        </div>
      </div>
      {cell.status === 'PENDING' && !cell.reconciledAt ? (
        <p className="text-sm text-slate-500 lg:col-span-2">{t('reconciliation.day.pendingNoRun')}</p>
      ) : (
        <>
          <SideTotals cell={cell} />
          <p className={cx('text-sm', cell.status === 'FAILED' ? 'text-red-800' : cell.unresolved > 0 ? 'text-amber-900' : 'text-slate-600')}>
            {cell.status === 'FAILED' || cell.status === 'PENDING'
              ? cell.failureReason
              : cell.discrepancies === 0
                ? null
                : cell.unresolved > 0
                  ? t('reconciliation.unresolved', { count: cell.unresolved })
                  : t('reconciliation.allResolved')}
          </p>
        </>
      )}
    </li>
  );
}
