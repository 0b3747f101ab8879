import type { ChannelPlugin } from '@/server/gateway/types';
import { closePayment } from './close-payment';
import { createPayment } from './create-payment';
import { downloadBill } from './download-bill';
import { ackNotification, parseNotification } from './parse-notification';
import { queryPayment } from './query-payment';
import { queryRefund, refund } from './refund';
import { finishSplit, querySplit, split } from './profit-sharing';
import { WECHAT_RECEIVER_TYPES } from './receiver-type';
import { bindReceiver, unbindReceiver } from './split-receivers';

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
  // returns: WeChat Pay's return orders (SEPARATE) arrive with the refunds of split payments (wt-returns); until then none are made.
  splits: { kind: 'SUPPORTED', accountTypes: WECHAT_RECEIVER_TYPES, bindReceiver, unbindReceiver, split, querySplit, finishSplit, returns: { kind: 'WITH_REFUND' } },
};

export { downloadPlatformCertificates } from './platform-certificates';
