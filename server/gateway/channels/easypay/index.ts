import type { ChannelPlugin } from '@/server/gateway/types';
import { closePayment } from './close-payment';
import { createPayment } from './create-payment';
import { CALLBACK_ACKS } from '@/server/gateway/callback-acks';
import { parseNotification } from './parse-notification';
import { queryPayment } from './query-payment';
import { queryRefund, refund } from './refund';

/** EasyPay (易支付, epay V1 with MD5 signatures): page payment (submit.php), API payment (mapi.php), query and refund (api.php). */
export const easypayPlugin: ChannelPlugin = {
  channel: 'EASYPAY',
  createPayment,
  queryPayment,
  closePayment,
  refund,
  queryRefund,
  parseNotification,
  ackNotification: CALLBACK_ACKS.EASYPAY,
  // epay (易支付 V1) has no bill or statement download of any kind: each of the day's orders is queried
  // through api.php?act=order instead.
  bills: { kind: 'NONE', reconcileBy: 'QUERY_EACH_ORDER' },
  // epay has no profit sharing.
  splits: { kind: 'NONE' },
};
