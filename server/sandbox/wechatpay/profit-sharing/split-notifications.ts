// WeChat Pay's profit-sharing notification (分账动账通知): once a receiver's share is split, WeChat
// pushes PROFITSHARING.SUCCESS with that one receiver (one notification per receiver), encrypted and
// signed like every callback. Real WeChat sends it to the URL set in the merchant platform (and only
// for MERCHANT_ID receivers); the simulator sends every receiver's to the trade's notify_url, which is
// the payment ID's callback URL the merchant set.
import type { Tx } from '@/server/db/client';
import type { SandboxWechatProfitSharingOrder, SandboxWechatTrade } from '@/server/db/generated/client';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { deliverWechatpayNotification, enqueueWechatpayNotification } from '../notifications';

/** A receiver's line as the order answered it. */
interface SplitReceiverLine {
  type: string;
  account: string;
  amount: number;
  description: string;
}

/** Queues one PROFITSHARING.SUCCESS per receiver of a split, in the transaction that made the split; returns their ids. */
export async function enqueueSplitNotifications(
  tx: Tx,
  split: { order: SandboxWechatProfitSharingOrder; trade: SandboxWechatTrade; receivers: SplitReceiverLine[]; now: Date },
): Promise<string[]> {
  const { order, trade, receivers, now } = split;
  const ids: string[] = [];
  for (const receiver of receivers) {
    const resource = {
      mchid: order.mchId,
      transaction_id: trade.transactionId,
      order_id: order.orderId,
      out_order_no: order.outOrderNo,
      receiver: { type: receiver.type, account: receiver.account, amount: receiver.amount, description: receiver.description },
      success_time: toWechatTime(now),
    };
    ids.push(await enqueueWechatpayNotification(tx, { mchId: order.mchId, notifyUrl: trade.notifyUrl, eventType: 'PROFITSHARING.SUCCESS', summary: '分账成功', resourceKind: 'profitsharing', resource }, now));
  }
  return ids;
}

/** The first attempt at each, after the split committed (the retry sweep makes the later ones). */
export async function deliverSplitNotifications(ids: string[], now: Date): Promise<void> {
  for (const id of ids) await deliverWechatpayNotification(id, now);
}
