import type { ChannelPlugin } from '@/server/gateway/types';
import { closePayment } from './close-payment';
import { createPayment } from './create-payment';
import { downloadBill } from './download-bill';
import { ackNotification, parseNotification } from './parse-notification';
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
  ackNotification,
  downloadBill,
};
