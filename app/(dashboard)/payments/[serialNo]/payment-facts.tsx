'use client';

import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CopyableValue } from '@/components/ui/copy-button';
import { cx } from '@/components/ui/cx';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import type { PaymentDetail } from '../payment-types';
import { Facts, Section } from './section';

const linkClass = cx('rounded font-medium text-brand-800 hover:underline', focusRing);

/** The attempt and its order, side by side on wide screens. */
export function PaymentFacts({ detail, showCompany }: { detail: PaymentDetail; showCompany: boolean }) {
  const { t } = useI18n();
  const { payment, order } = detail;
  const failure = payment.failureCode || payment.failureMessage ? [payment.failureCode, payment.failureMessage].filter(Boolean).join(' · ') : null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section title={t('payments.detail.attempt')}>
        <Card>
          <Facts
            items={[
              [t('payments.columns.serialNo'), <CopyableValue key="serialNo" value={payment.serialNo} label={t('payments.columns.serialNo')} testId="payment-serial-no" />],
              [t('payments.detail.amount'), <span key="amount" className="tabular-nums">{formatFen(payment.amount)}</span>],
              [t('payments.detail.refundedAmount'), <span key="refunded" className="tabular-nums">{formatFen(payment.refundedAmount)}</span>],
              [t('payments.detail.reservedAmount'), <span key="reserved" className="tabular-nums">{formatFen(payment.refundReservedAmount)}</span>],
              [t('payments.detail.refundableAmount'), <span key="refundable" className="font-medium tabular-nums">{formatFen(detail.refundableAmount)}</span>],
              [t('payments.detail.channel'), `${t(`payments.channels.${payment.channel ?? 'NONE'}`)} · ${t(`payments.invokeMethods.${payment.invokeMethod}`)}`],
              [t('payments.detail.mode'), <StatusBadge key="mode" status={payment.mode} />],
              [t('payments.detail.executionMethod'), <code key="exec" className="font-mono text-xs">{payment.executionMethod}</code>],
              [t('payments.detail.channelTradeNo'), payment.channelTradeNo ? <CopyableValue key="trade" value={payment.channelTradeNo} label={t('payments.detail.channelTradeNo')} /> : null],
              [t('payments.detail.paymentChannelId'), <code key="pid" className="font-mono text-xs break-all">{payment.paymentChannelId}</code>],
              [t('payments.detail.createdAt'), <DateTime key="created" value={payment.createdAt} />],
              [t('payments.detail.expiresAt'), <DateTime key="expires" value={payment.expiresAt} />],
              payment.paidAt ? [t('payments.detail.paidAt'), <DateTime key="paid" value={payment.paidAt} />] : null,
              payment.closedAt ? [t('payments.detail.closedAt'), <DateTime key="closed" value={payment.closedAt} />] : null,
              payment.failedAt ? [t('payments.detail.failedAt'), <DateTime key="failed" value={payment.failedAt} />] : null,
              failure ? [t('payments.detail.failure'), failure] : null,
              payment.duplicateOf
                ? [t('payments.detail.duplicateOf'), <Link key="dup" href={`/payments/${payment.duplicateOf}`} className={cx(linkClass, 'font-mono text-xs')}>{payment.duplicateOf}</Link>]
                : null,
            ]}
          />
        </Card>
      </Section>
      <Section title={t('payments.detail.order')}>
        <Card>
          <Facts
            items={[
              [t('payments.detail.orderNo'), <CopyableValue key="orderNo" value={order.orderNo} label={t('payments.detail.orderNo')} />],
              [t('payments.detail.orderStatus'), t(`payments.orderStatus.${order.status}`)],
              [t('payments.detail.amount'), <span key="amount" className="tabular-nums">{formatFen(order.amount)}</span>],
              [t('payments.detail.subject'), order.subject],
              [t('payments.detail.merchant'), <Link key="merchant" href={`/merchants/${detail.merchant.id}`} className={linkClass}>{detail.merchant.name}</Link>],
              [t('payments.detail.app'), detail.app.name],
              showCompany ? [t('payments.detail.company'), detail.company.name] : null,
              [t('payments.detail.paidSerialNo'), order.paidSerialNo ? <code key="paidSerial" className="font-mono text-xs break-all">{order.paidSerialNo}</code> : null],
              [t('payments.detail.createdAt'), <DateTime key="created" value={order.createdAt} />],
            ]}
          />
        </Card>
      </Section>
    </div>
  );
}
