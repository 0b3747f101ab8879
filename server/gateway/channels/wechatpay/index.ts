import type { ChannelPlugin } from '@/server/gateway/types';
import { closePayment } from './close-payment';
import { createPayment } from './create-payment';
import { downloadBill } from './download-bill';
import { ackNotification, parseNotification } from './parse-notification';
import { queryPayment } from './query-payment';
import { queryRefund, refund } from './refund';

export const wechatpayPlugin: ChannelPlugin = {
  channel: 'WECHATPAY',
  createPayment,
  queryPayment,
  closePayment,
  refund,
  queryRefund,
  parseNotification,
  ackNotification,
  bills: { kind: 'DOWNLOAD', billTypes: ['TRADE', 'FUND_FLOW'], publishedFromHour: 10, downloadBill },
};

export { downloadPlatformCertificates } from './platform-certificates';
