import type { ChannelPlugin } from '@/server/gateway/types';
import { closePayment } from './close-payment';
import { createPayment } from './create-payment';
import { downloadBill } from './download-bill';
import { CALLBACK_ACKS } from '@/server/gateway/callback-acks';
import { parseNotification } from './parse-notification';
import { queryPayment } from './query-payment';
import { finishSplit, querySplit, split } from './order-settle';
import { queryRefund, refund } from './refund';
import { ALIPAY_SPLIT_ACCOUNT_TYPES } from './royalty-accounts';
import { bindReceiver, unbindReceiver } from './royalty-relations';

export const alipayPlugin: ChannelPlugin = {
  channel: 'ALIPAY',
  createPayment,
  queryPayment,
  closePayment,
  refund,
  queryRefund,
  parseNotification,
  ackNotification: CALLBACK_ACKS.ALIPAY,
  bills: { kind: 'DOWNLOAD', billTypes: ['TRADE'], publishedFromHour: 9, downloadBill },
  splits: {
    kind: 'SUPPORTED',
    accountTypes: ALIPAY_SPLIT_ACCOUNT_TYPES,
    bindReceiver,
    unbindReceiver,
    split,
    querySplit,
    finishSplit,
    // A refund takes money back from receivers itself (refund_royalty_parameters).
    returns: { kind: 'WITH_REFUND' },
  },
};
