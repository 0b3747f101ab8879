// The OpenAPI document's examples, typed by the contract's schemas (a test parses each with them).
import type { z } from 'zod';
import type { createdPaymentAnswer, refundAnswer, splitAnswer } from '@/server/contract/answers';
import type { EventObject } from '@/server/contract/event';
import type { createRefundRequest } from '@/server/contract/refund';
import type { createSplitRequest } from '@/server/contract/split';
import type { initiatePaymentInput } from '@/server/core/payments/initiate-payment-input';

export const createPaymentExample: z.input<typeof initiatePaymentInput> = {
  merchantId: 'mch_demo',
  paymentId: 'pay_demo_alipay',
  orderNo: 'ORDER-1001',
  amount: 1000,
  currency: 'CNY',
  subject: 'Property fee 2026-11',
  invokeMethod: 'PC',
  metadata: { room: '3-2-1201' },
};

const payment: z.infer<typeof createdPaymentAnswer>['payment'] = {
  serialNo: 'P20261124081530K3F9Q2ZT7MWD',
  orderNo: 'ORDER-1001',
  merchantId: 'mch_demo',
  paymentId: 'pay_demo_alipay',
  channel: 'ALIPAY',
  invokeMethod: 'PC',
  amount: 1000,
  currency: 'CNY',
  subject: 'Property fee 2026-11',
  status: 'PENDING',
  channelTradeNo: null,
  refundedAmount: 0,
  profitSharing: false,
  splitAmount: 0,
  paidAt: null,
  expiresAt: '2026-11-24T08:30:30.000Z',
  livemode: false,
  metadata: { room: '3-2-1201' },
  createdAt: '2026-11-24T08:15:30.000Z',
  updatedAt: '2026-11-24T08:15:30.000Z',
};

export const createdPaymentExample: z.infer<typeof createdPaymentAnswer> = {
  payment,
  action: { type: 'REDIRECT', url: 'https://openapi.alipay.com/gateway.do?method=alipay.trade.page.pay&...' },
};

const paidPayment = { ...payment, status: 'SUCCEEDED' as const, channelTradeNo: '2026112422001400001234567890', paidAt: '2026-11-24T08:16:02.000Z', updatedAt: '2026-11-24T08:16:02.000Z' };

export const createRefundExample: z.input<typeof createRefundRequest> = { refundNo: 'REFUND-1001-1', amount: 300, reason: 'Overcharged' };

export const refundExample: z.infer<typeof refundAnswer> = {
  refund: {
    refundSerialNo: 'R20261125093000T7Q2M8XK4PLA',
    refundNo: 'REFUND-1001-1',
    serialNo: payment.serialNo,
    amount: 300,
    status: 'PROCESSING',
    channelRefundNo: null,
    reason: 'Overcharged',
    createdAt: '2026-11-25T09:30:00.000Z',
    succeededAt: null,
  },
};

export const createSplitExample: z.input<typeof createSplitRequest> = {
  splitNo: 'SPLIT-1001-1',
  receivers: [{ receiverId: 'rcv_2hQ8Wm4Kd9Tz', amount: 100, description: '服务费' }],
  finish: false,
};

export const splitExample: z.infer<typeof splitAnswer> = {
  split: {
    splitSerialNo: 'S20261125100000V3N6R1YB8QJC',
    splitNo: 'SPLIT-1001-1',
    serialNo: payment.serialNo,
    status: 'PROCESSING',
    finish: false,
    receivers: [{ receiverId: 'rcv_2hQ8Wm4Kd9Tz', amount: 100, description: '服务费', status: 'PROCESSING', failReason: null }],
    createdAt: '2026-11-25T10:00:00.000Z',
    finishedAt: null,
  },
};

export const eventExample: EventObject = {
  id: 'evt_DocsExample000000000',
  type: 'payment.succeeded',
  createdAt: '2026-11-24T08:16:02.000Z',
  livemode: false,
  data: { payment: paidPayment },
};
