'use client';

import { useI18n } from '@/components/i18n/client';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import type { Channel } from '@/server/db/generated/client';
import type { ReconciliationDay } from '../../reconciliation-types';

const tones = { DOWNLOADED: 'green', NOT_READY: 'slate', FAILED: 'red' } as const;

/** The day's stored bills: status, why one failed, and the raw file as the channel served it. */
export function BillsList({ bills, channel }: { bills: ReconciliationDay['bills']; channel: Channel }) {
  const { t } = useI18n();
  if (bills.length === 0) return <p className="text-sm text-slate-600">{channel === 'EASYPAY' ? t('reconciliation.day.noBills') : '—'}</p>;
  return (
    <ul className="space-y-3 text-sm">
      {bills.map((bill) => (
        <li key={bill.id} className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{t(`reconciliation.day.billTypes.${bill.billType}`)}</span>
            <Badge tone={tones[bill.status]}>{t(`reconciliation.day.billStatus.${bill.status}`)}</Badge>
            {bill.empty ? <span className="text-slate-500">{t('reconciliation.day.billEmpty')}</span> : null}
            <DateTime value={bill.downloadedAt ?? bill.attemptedAt} className="text-xs text-slate-500" />
          </div>
          {bill.failureCode ? <p className="mt-1 text-xs break-words text-red-800">{`${bill.failureCode}: ${bill.failureMessage ?? ''}`}</p> : null}
          {bill.hasFile ? (
            <a href={`/api/reconciliation/bill?billId=${encodeURIComponent(bill.id)}`} download className={cx('mt-1 inline-block rounded text-brand-800 underline', focusRing)}>
              {t('reconciliation.day.download')}
              {bill.fileName ? <span className="ml-1 text-xs break-all text-slate-500">({bill.fileName})</span> : null}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
