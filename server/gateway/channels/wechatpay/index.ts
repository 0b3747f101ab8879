import type { ChannelPlugin } from '@/server/gateway/types';
import { closePayment } from './close-payment';
import { createPayment } from './create-payment';
import { downloadBill } from './download-bill';
import { CALLBACK_ACKS } from '@/server/gateway/callback-acks';
import { parseNotification } from './parse-notification';
import { queryPayment } from './query-payment';
import { queryRefund, refund } from './refund';
import { finishSplit, querySplit, split } from './profit-sharing';
import { WECHAT_RECEIVER_TYPES } from './receiver-type';
import { queryReturn, returnSplit } from './return-orders';
import { bindReceiver, unbindReceiver } from './split-receivers';

export const wechatpayPlugin: ChannelPlugin = {
  channel: 'WECHATPAY',
  createPayment,
  queryPayment,
  closePayment,
  refund,
  queryRefund,
  parseNotification,
  ackNotification: CALLBACK_ACKS.WECHATPAY,
  bills: { kind: 'DOWNLOAD', billTypes: ['TRADE', 'FUND_FLOW'], publishedFromHour: 10, downloadBill },
  splits: { kind: 'SUPPORTED', accountTypes: WECHAT_RECEIVER_TYPES, bindReceiver, unbindReceiver, split, querySplit, finishSplit, returns: { kind: 'SEPARATE', returnSplit, queryReturn } },
};

export { downloadPlatformCertificates } from './platform-certificates';
