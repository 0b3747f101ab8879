// A channel without bills (EasyPay): each of the day's payments of ours is asked of the channel through
// its plugin's queryPayment. The channel cannot list what we never sent, so there is no CHANNEL_ONLY.
import { db } from '@/server/db/client';
import { inSqlTransaction } from '@/server/db/sql-session';
import type { ChannelAccount } from '@/server/gateway/types';
import { beijingDayStart } from '@/server/gateway/beijing-time';
import { ChannelError } from '@/server/gateway/channel-error';
import { pluginFor } from '@/server/gateway/registry';
import { discrepancy, NO_TOTALS, type Discrepancy, type Totals } from './discrepancy';
import { ourTotals } from './our-records';
import type { DayOutcome } from './reconcile-bill';

const DAY_MS = 24 * 3600_000;

export async function queryEachOrder(options: { account: ChannelAccount; paymentChannelId: string; date: string }): Promise<DayOutcome> {
  const start = beijingDayStart(options.date);
  const day = { gte: start, lt: new Date(start.getTime() + DAY_MS) };
  const payments = await db().payment.findMany({
    where: { paymentChannelId: options.paymentChannelId, OR: [{ createdAt: day }, { paidAt: day }] },
    select: { serialNo: true, status: true, amount: true, channelTradeNo: true },
    orderBy: { serialNo: 'asc' },
  });
  // Before any question to the channel: no network call inside a database transaction.
  const ours = await inSqlTransaction((session) => ourTotals(session, options));
  const plugin = pluginFor(options.account.channel);
  const discrepancies: Discrepancy[] = [];
  const channelTotals: Totals = { ...NO_TOTALS };
  for (const payment of payments) {
    let answer;
    try {
      answer = await plugin.queryPayment({ account: options.account, serialNo: payment.serialNo });
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      return { ours, status: 'FAILED', failureReason: `querying ${payment.serialNo} failed: ${error.message}`, channelTotals: null, channelFee: null, discrepancies: [] };
    }
    const channelPaid = answer.state === 'SUCCEEDED';
    if (channelPaid) {
      channelTotals.paymentCount += 1;
      channelTotals.paymentAmount += answer.amount ?? 0;
    }
    const ourPaid = payment.status === 'SUCCEEDED';
    const sides = { serialNo: payment.serialNo, channelTradeNo: answer.channelTradeNo ?? payment.channelTradeNo, ourAmount: payment.amount, ourStatus: payment.status, channelAmount: answer.amount, channelStatus: answer.state };
    if (ourPaid && answer.state === 'NOT_FOUND') discrepancies.push(discrepancy({ ...sides, kind: 'CENTER_ONLY', reason: { code: 'UNKNOWN_TO_CHANNEL', params: {} } }));
    else if (ourPaid !== channelPaid) discrepancies.push(discrepancy({ ...sides, kind: 'STATUS_MISMATCH', reason: { code: 'STATES_DIFFER', params: { ourStatus: payment.status, channelStatus: answer.state } } }));
    else if (channelPaid && answer.amount !== payment.amount) {
      discrepancies.push(discrepancy({ ...sides, kind: 'AMOUNT_MISMATCH', reason: { code: 'AMOUNT_DIFFERS', params: { ourAmount: payment.amount, channelAmount: answer.amount ?? null } } }));
    }
  }
  return { ours, status: discrepancies.length > 0 ? 'DISCREPANCIES' : 'MATCHED', failureReason: null, channelTotals, channelFee: null, discrepancies };
}
