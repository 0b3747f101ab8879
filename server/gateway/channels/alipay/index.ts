import type { ChannelPlugin } from '@/server/gateway/types';
import { closePayment } from './close-payment';
import { createPayment } from './create-payment';
import { downloadBill } from './download-bill';
import { ackNotification, parseNotification } from './parse-notification';
import { queryPayment } from './query-payment';
import { queryRefund, refund } from './refund';

export const alipayPlugin: ChannelPlugin = {
  channel: 'ALIPAY',
  createPayment,
  queryPayment,
  closePayment,
  refund,
  queryRefund,
  parseNotification,
  ackNotification,
  bills: { kind: 'DOWNLOAD', billTypes: ['TRADE'], publishedFromHour: 9, downloadBill },
  // alipay.trade.order.settle and royalty relations come next; until then Alipay payments are not split.
  splits: { kind: 'NONE' },
};
