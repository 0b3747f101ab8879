'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DetailUnavailable } from '@/components/dashboard/detail-page';
import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { PaymentStatusBadge } from '../payment-badges';
import { PaymentFacts } from './payment-facts';
import { PaymentMessages } from './payment-messages';
import { PaymentRecords } from './payment-records';
import { PaymentSplits } from './payment-splits';
import { PaymentTimeline } from './payment-timeline';
import { RefundDialog } from './refund-dialog';

export interface PaymentDetailViewProps {
  serialNo: string;
  /** Roles allowed to refund; the server checks again. */
  canRefund: boolean;
  /** Roles allowed to finish a payment's splitting; the server checks again. */
  canFinishSplits: boolean;
  showCompany: boolean;
}

export function PaymentDetailView({ serialNo, canRefund, canFinishSplits, showCompany }: PaymentDetailViewProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.payments.get.queryOptions({ serialNo }));
  const [notice, setNotice] = useState<string | null>(null);
  const back = { href: '/payments', label: t('payments.detail.back') };
  const detail = query.data;
  if (!detail) return <DetailUnavailable title={t('payments.title')} back={back} error={query.error} />;

  const { payment } = detail;
  const refundable = canRefund && payment.status === 'SUCCEEDED' && detail.refundableAmount > 0;
  return (
    <div>
      <PageHeader
        back={back}
        title={
          <span className="inline-flex flex-wrap items-center gap-3">
            <span className="tabular-nums" data-testid="payment-amount">
              {formatFen(payment.amount)}
            </span>
            <PaymentStatusBadge status={payment.status} />
          </span>
        }
        description={payment.subject}
        actions={refundable ? <RefundDialog serialNo={payment.serialNo} refundableAmount={detail.refundableAmount} onRefunded={setNotice} /> : undefined}
      />
      <div className="space-y-3">
        <div role="status">{notice ? <Alert tone="info">{notice}</Alert> : null}</div>
        {payment.duplicateOf ? (
          <Alert tone="warning" role="note">
            {t('payments.detail.duplicateNotice')}
          </Alert>
        ) : null}
        {payment.status === 'CLOSED' && !payment.closedAt ? (
          <Alert tone="info" role="note">
            {t('payments.detail.expiredNotice')}
          </Alert>
        ) : null}
      </div>
      <div className="mt-6 space-y-10">
        <PaymentFacts detail={detail} showCompany={showCompany} />
        <div className="grid gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="min-w-0 space-y-10">
            <PaymentRecords detail={detail} />
            <PaymentSplits serialNo={payment.serialNo} canFinish={canFinishSplits} onNotice={setNotice} />
            <PaymentMessages detail={detail} />
          </div>
          <PaymentTimeline entries={detail.timeline} />
        </div>
      </div>
    </div>
  );
}
