import type { RouterOutputs } from '../router-outputs';

export type PaymentListItem = RouterOutputs['payments']['list']['items'][number];
export type PaymentDetail = RouterOutputs['payments']['get'];
export type PaymentStatus = PaymentListItem['status'];
/** A CASHIER payment has no channel until the payer chooses one on the hosted checkout. */
export type PaymentChannel = NonNullable<PaymentListItem['channel']>;
export type TimelineEntry = PaymentDetail['timeline'][number];

export const PAYMENT_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED', 'CLOSED'] as const satisfies readonly PaymentStatus[];
export const PAYMENT_CHANNELS = ['ALIPAY', 'WECHATPAY', 'EASYPAY'] as const satisfies readonly PaymentChannel[];
