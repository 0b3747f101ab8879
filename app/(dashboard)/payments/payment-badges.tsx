'use client';

import { useI18n } from '@/components/i18n/client';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { PaymentDetail, PaymentStatus } from './payment-types';

type RefundStatus = PaymentDetail['refunds'][number]['status'];
type Outcome = PaymentDetail['callbacks'][number]['outcome'];

const paymentTones: Record<PaymentStatus, BadgeTone> = { PENDING: 'amber', SUCCEEDED: 'green', FAILED: 'red', CLOSED: 'slate' };
const refundTones: Record<RefundStatus, BadgeTone> = { PROCESSING: 'amber', SUCCEEDED: 'green', FAILED: 'red' };
const outcomeTones: Record<Outcome, BadgeTone> = { RECEIVED: 'sky', APPLIED: 'green', UNCHANGED: 'slate', REJECTED: 'red', AMOUNT_MISMATCH: 'red' };

/** A payment attempt's status as shown (an expired PENDING attempt already arrives as CLOSED). */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { t } = useI18n();
  return <Badge tone={paymentTones[status]}>{t(`payments.status.${status}`)}</Badge>;
}

export function RefundStatusBadge({ status }: { status: RefundStatus }) {
  const { t } = useI18n();
  return <Badge tone={refundTones[status]}>{t(`payments.refundStatus.${status}`)}</Badge>;
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  return <Badge tone={outcomeTones[outcome]}>{t(`payments.outcomes.${outcome}`)}</Badge>;
}
