import { db } from '@/server/db/client';
import type { Payment, SplitReturn } from '@/server/db/generated/client';
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAccount, SplitReturnState } from '@/server/gateway/types';
import { logger } from '@/server/logging/logger';
import { channelOf } from '../payments/channel-call';
import { settleSplitReturns } from './return-settlement';
import { splitTradeNo, type SupportedSplits } from './split-channel';

/** Where a refund's returns stand: all made (or made inside the refund), one still unknown, or one refused. */
export type SplitReturnsOutcome =
  | { kind: 'DONE' }
  | { kind: 'WAITING' }
  | { kind: 'FAILED'; splitReturn: SplitReturn; failReason: string; channelReturnNo: string | null };

type SeparateReturns = Extract<SupportedSplits['returns'], { kind: 'SEPARATE' }>;

/** Records a return the channel made: the return and its line, after the payment row's lock (the order every money change takes). */
async function recordReturned(entry: SplitReturn, serialNo: string, channelReturnNo: string | null, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Payment" WHERE "serialNo" = ${serialNo} FOR NO KEY UPDATE`;
    await settleSplitReturns(tx, { where: { returnSerialNo: entry.returnSerialNo }, status: 'SUCCEEDED', channelReturnNo, now });
  });
}

/** One return at the channel: asked about first when it may have been sent already, sent when the channel does not know it. */
async function askChannel(options: { returns: SeparateReturns; account: ChannelAccount; payment: Pick<Payment, 'serialNo' | 'channelTradeNo'>; entry: SplitReturn; queryFirst: boolean }): Promise<SplitReturnState> {
  const { returns, account, payment, entry } = options;
  if (options.queryFirst) {
    const known = await returns.queryReturn({ account, splitSerialNo: entry.splitSerialNo, returnSerialNo: entry.returnSerialNo });
    if (known.state !== 'NOT_FOUND') return known;
  }
  const line = await db().splitLine.findUniqueOrThrow({ where: { splitSerialNo_position: { splitSerialNo: entry.splitSerialNo, position: entry.position } }, include: { receiver: true, split: true } });
  return returns.returnSplit({
    account,
    channelTradeNo: splitTradeNo(payment),
    splitSerialNo: entry.splitSerialNo,
    channelSplitNo: line.split.channelSplitNo,
    returnSerialNo: entry.returnSerialNo,
    receiver: { accountType: line.receiver.accountType, account: line.receiver.account },
    amount: entry.amount,
    description: '退款前回退分账',
  });
}

/**
 * Takes a refund's split money back from the receivers before the refund is sent, on a channel
 * where that is its own call (WeChat Pay return orders): one return at a time in the order they
 * were allocated, each sent under its own serial number (the channel makes it at most once), so a
 * refused return leaves every later one unsent. DONE when every return is made (or the channel
 * takes the money back inside the refund itself); WAITING while one's outcome is unknown (the
 * refund query asks again, `queryFirst`); FAILED with the channel's reason when one is refused.
 */
export async function takeBackSplitMoney(options: {
  refundSerialNo: string;
  payment: Pick<Payment, 'serialNo' | 'channel' | 'paymentChannelId' | 'channelTradeNo'>;
  queryFirst: boolean;
  now: Date;
}): Promise<SplitReturnsOutcome> {
  const { refundSerialNo, payment, now } = options;
  // A refused return fails the refund in the same transaction, so a PROCESSING refund's returns are PROCESSING or SUCCEEDED.
  const pending = await db().splitReturn.findMany({ where: { refundSerialNo, status: 'PROCESSING' }, orderBy: { sequence: 'asc' } });
  if (pending.length === 0) return { kind: 'DONE' };
  let channel: Awaited<ReturnType<typeof channelOf>>;
  try {
    channel = await channelOf(payment);
  } catch (error) {
    logger().warn({ err: error, refundSerialNo }, 'split returns wait: the channel account could not be opened');
    return { kind: 'WAITING' };
  }
  const { plugin, account } = channel;
  if (plugin.splits.kind !== 'SUPPORTED' || plugin.splits.returns.kind !== 'SEPARATE') return { kind: 'DONE' };
  const returns = plugin.splits.returns;

  for (const entry of pending) {
    let state: SplitReturnState;
    try {
      state = await askChannel({ returns, account, payment, entry, queryFirst: options.queryFirst });
    } catch (error) {
      if (error instanceof ChannelError && !error.retryable) return { kind: 'FAILED', splitReturn: entry, failReason: `${error.channelCode}: ${error.channelMessage}`, channelReturnNo: null };
      logger().warn({ err: error, returnSerialNo: entry.returnSerialNo, refundSerialNo }, 'split return outcome unknown; the refund query asks again');
      return { kind: 'WAITING' };
    }
    if (state.state === 'FAILED') return { kind: 'FAILED', splitReturn: entry, failReason: state.failReason ?? 'FAILED', channelReturnNo: state.channelReturnNo };
    if (state.state !== 'SUCCEEDED') {
      if (state.channelReturnNo) await db().splitReturn.updateMany({ where: { returnSerialNo: entry.returnSerialNo, channelReturnNo: null }, data: { channelReturnNo: state.channelReturnNo } });
      return { kind: 'WAITING' };
    }
    await recordReturned(entry, payment.serialNo, state.channelReturnNo, now);
  }
  return { kind: 'DONE' };
}
