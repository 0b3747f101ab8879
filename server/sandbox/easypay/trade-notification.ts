// What epay sends about a paid order, to notify_url (GET) and to return_url (the browser): the same
// fields, signed with the merchant's key.
import type { Tx } from '@/server/db/client';
import type { SandboxEasypayTrade } from '@/server/db/generated/client';
import { signEasypayParams } from '@/server/gateway/channels/easypay/md5-sign';
import { fenToYuan } from '@/server/gateway/yuan';
import { randomBase62 } from '@/server/lib/ids';
import { findEasypayMerchant } from './merchant';

export function tradeNotifyParams(trade: SandboxEasypayTrade): Record<string, string> {
  return {
    pid: trade.pid,
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    type: trade.type,
    name: trade.name,
    money: fenToYuan(trade.moneyFen),
    trade_status: 'TRADE_SUCCESS',
    param: trade.param ?? '',
  };
}

/** The fields signed with the merchant's current key (null when the merchant is gone). */
export async function signedTradeParams(params: Record<string, string>): Promise<Record<string, string> | null> {
  const merchant = params.pid ? await findEasypayMerchant(params.pid) : null;
  return merchant ? signEasypayParams(params, merchant.key) : null;
}

export function withParams(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  return target.toString();
}

/** Queues the callback for immediate delivery, in the transaction that marks the order paid. */
export async function enqueueTradeNotification(tx: Tx, trade: SandboxEasypayTrade, now: Date): Promise<string> {
  const id = randomBase62(24);
  await tx.sandboxEasypayNotification.create({ data: { id, tradeNo: trade.tradeNo, notifyUrl: trade.notifyUrl, params: tradeNotifyParams(trade), nextAttemptAt: now, createdAt: now } });
  return id;
}
