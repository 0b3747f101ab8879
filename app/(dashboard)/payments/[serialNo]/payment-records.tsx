'use client';

import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { PaymentStatusBadge, RefundStatusBadge } from '../payment-badges';
import type { PaymentDetail } from '../payment-types';
import { Section } from './section';

type Attempt = PaymentDetail['attempts'][number];
type RefundRow = PaymentDetail['refunds'][number];

/** The order's attempts (this one marked) and this attempt's refunds. */
export function PaymentRecords({ detail }: { detail: PaymentDetail }) {
  const { t } = useI18n();
  const current = detail.payment.serialNo;

  const attemptColumns: Column<Attempt>[] = [
    {
      id: 'serialNo',
      header: t('payments.columns.serialNo'),
      cell: (attempt) =>
        attempt.serialNo === current ? (
          <span className="inline-flex items-center gap-2">
            <code className="font-mono text-xs">{attempt.serialNo}</code>
            <Badge tone="indigo">{t('payments.attempts.current')}</Badge>
          </span>
        ) : (
          <Link href={`/payments/${attempt.serialNo}`} className={cx('rounded font-mono text-xs font-medium text-brand-800 hover:underline', focusRing)}>
            {attempt.serialNo}
          </Link>
        ),
    },
    { id: 'amount', header: t('payments.columns.amount'), className: 'text-right tabular-nums', cell: (attempt) => formatFen(attempt.amount) },
    { id: 'status', header: t('payments.columns.status'), cell: (attempt) => <PaymentStatusBadge status={attempt.status} /> },
    { id: 'channel', header: t('payments.columns.channel'), cell: (attempt) => `${t(`payments.channels.${attempt.channel ?? 'NONE'}`)} · ${t(`payments.invokeMethods.${attempt.invokeMethod}`)}` },
    { id: 'createdAt', header: t('payments.columns.createdAt'), cell: (attempt) => <DateTime value={attempt.createdAt} className="whitespace-nowrap" /> },
  ];

  const refundColumns: Column<RefundRow>[] = [
    {
      id: 'refundSerialNo',
      header: t('payments.refunds.refundSerialNo'),
      cell: (refund) => (
        <div>
          <code className="font-mono text-xs text-slate-900">{refund.refundSerialNo}</code>
          <p className="font-mono text-xs text-slate-600">{refund.refundNo}</p>
        </div>
      ),
    },
    { id: 'amount', header: t('payments.refunds.amount'), className: 'text-right tabular-nums', cell: (refund) => formatFen(refund.amount) },
    {
      id: 'status',
      header: t('payments.refunds.status'),
      cell: (refund) => (
        <div>
          <RefundStatusBadge status={refund.status} />
          {refund.failureCode || refund.failureMessage ? <p className="mt-1 max-w-48 text-xs text-red-800">{[refund.failureCode, refund.failureMessage].filter(Boolean).join(' · ')}</p> : null}
        </div>
      ),
    },
    {
      id: 'initiator',
      header: t('payments.refunds.initiator'),
      cell: (refund) => (
        <div>
          <p>{t(`payments.initiators.${refund.initiator}`)}</p>
          {refund.reason ? <p className="max-w-48 text-xs break-words whitespace-normal text-slate-600">{refund.reason}</p> : null}
        </div>
      ),
    },
    { id: 'createdAt', header: t('payments.refunds.createdAt'), cell: (refund) => <DateTime value={refund.createdAt} className="whitespace-nowrap" /> },
    { id: 'finishedAt', header: t('payments.refunds.finishedAt'), cell: (refund) => <DateTime value={refund.succeededAt ?? refund.failedAt} className="whitespace-nowrap" /> },
    { id: 'channelRefundNo', header: t('payments.refunds.channelRefundNo'), cell: (refund) => <code className="font-mono text-xs">{refund.channelRefundNo ?? '—'}</code> },
  ];

  return (
    <>
      <Section title={t('payments.attempts.title')} count={detail.attempts.length}>
        <Card className="relative overflow-hidden">
          <DataTable caption={t('payments.attempts.title')} columns={attemptColumns} rows={detail.attempts} rowKey={(attempt) => attempt.serialNo} rowTestId={(attempt) => attempt.serialNo} />
        </Card>
      </Section>
      <Section title={t('payments.refunds.title')} count={detail.refunds.length} testId="payment-refunds">
        <Card className="relative overflow-hidden">
          <DataTable
            caption={t('payments.refunds.title')}
            columns={refundColumns}
            rows={detail.refunds}
            rowKey={(refund) => refund.refundSerialNo}
            rowTestId={(refund) => refund.refundSerialNo}
            emptyTitle={t('payments.refunds.empty')}
            emptyDescription=" "
          />
        </Card>
      </Section>
    </>
  );
}
