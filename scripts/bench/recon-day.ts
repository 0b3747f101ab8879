// The reconciliation case's day: N lines of a WeChat Pay v3 ALL trade bill (payments, and every 19th
// payment partly refunded) and the same trades as PayCenter records them. Both sides come from one
// formula per trade number, so the database side is made by PostgreSQL itself (generate_series, no rows
// shipped from Node) and the bill is written line by line, and every line has its record.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { db } from '@/server/db/client';
import { beijingDayStart, toBeijingTime } from '@/server/gateway/beijing-time';
import type { PaymentsTenant } from '@/server/testing/payments-api';

/** What the bill holds, for the measured run to check its result against. */
export interface ReconDay {
  paymentChannelId: string;
  date: string;
  payments: { count: number; amount: number };
  refunds: { count: number; amount: number };
  /** Lines of the file: header, rows, summary header and figures. */
  fileLines: number;
}

const REFUND_EVERY = 19;
const FEE_PER_FEN = 6; // 0.6 %: a fen's fee is 6 units of the bill's 1/100000 yuan.

/** The day's shape: N - N/20 payments spread over the day, N/20 refunds (of every 19th payment). */
function layout(lines: number, date: string) {
  const refunds = Math.floor(lines / 20);
  const payments = lines - refunds;
  const compact = date.replaceAll('-', '');
  return {
    payments,
    refunds,
    dayStart: beijingDayStart(date).getTime(),
    // Spread over the first 23.9 hours, so each refund, half a step after its payment, stays on the day.
    stepMs: Math.floor(86_000_000 / payments),
    // Serial numbers as newSerialNo makes them: kind, 17-digit Beijing time, 13 characters.
    serialPrefix: `P${compact}120000000`,
    refundPrefix: `R${compact}130000000`,
    tradePrefix: `4200002${compact}`,
    refundNoPrefix: `50300${compact}`,
  };
}

type Layout = ReturnType<typeof layout>;

// The same formulas in TypeScript (the bill) and SQL (the records).
const amountOf = (i: number) => 100 + ((i * 7919) % 100_000);
const refundAmountOf = (i: number) => Math.floor(amountOf(i) / 2);
const AMOUNT_SQL = '(100 + (i::bigint * 7919) % 100000)::int';
const pad = (i: number, width: number) => String(i).padStart(width, '0');

/** The records as the transaction core leaves them: one PAID order and its SUCCEEDED payment per trade, the refunds SUCCEEDED. */
async function recordTrades(shape: Layout, ids: { appId: string; merchantId: string; companyId: string; paymentChannelId: string }): Promise<void> {
  const { payments, refunds, dayStart, stepMs } = shape;
  const paidAt = `(to_timestamp(${dayStart} / 1000.0) + (i * ${stepMs}) * interval '1 millisecond')`;
  const serial = `'${shape.serialPrefix}' || lpad(i::text, 13, '0')`;
  const refunded = `(i % ${REFUND_EVERY} = 0 AND i / ${REFUND_EVERY} <= ${refunds})`;
  const common = `'${ids.appId}', '${ids.merchantId}', '${ids.companyId}'`;
  await db().$executeRawUnsafe(`
    INSERT INTO "Order" (id, "appId", "merchantId", "companyId", "orderNo", amount, subject, status, "paidSerialNo", "lastAttemptAt", "createdAt", "updatedAt")
    SELECT 'ord_bench_' || i, ${common}, 'BENCH-' || i, ${AMOUNT_SQL}, '物业费', 'PAID', ${serial}, ${paidAt}, ${paidAt}, ${paidAt}
    FROM generate_series(1, ${payments}) AS i`);
  await db().$executeRawUnsafe(`
    INSERT INTO "Payment" ("serialNo", "orderId", "appId", "merchantId", "companyId", "paymentChannelId", channel, "invokeMethod", "executionMethod",
      amount, subject, status, "channelTradeNo", "refundedAmount", "refundReservedAmount", livemode, metadata, "requestHash", "expiresAt", "paidAt", "createdAt", "updatedAt")
    SELECT ${serial}, 'ord_bench_' || i, ${common}, '${ids.paymentChannelId}', 'WECHATPAY', 'QR', 'native',
      ${AMOUNT_SQL}, '物业费', 'SUCCEEDED', '${shape.tradePrefix}' || lpad(i::text, 13, '0'),
      CASE WHEN ${refunded} THEN ${AMOUNT_SQL} / 2 ELSE 0 END, CASE WHEN ${refunded} THEN ${AMOUNT_SQL} / 2 ELSE 0 END,
      false, '{}', ${serial}, ${paidAt}, ${paidAt}, ${paidAt}, ${paidAt}
    FROM generate_series(1, ${payments}) AS i`);
  await db().$executeRawUnsafe(`
    INSERT INTO "Refund" ("refundSerialNo", "refundNo", "serialNo", "appId", "merchantId", "companyId", amount, status, initiator, "channelRefundNo", "succeededAt", "createdAt", "updatedAt")
    SELECT '${shape.refundPrefix}' || lpad(j::text, 13, '0'), 'BENCH-R' || j, ${serial}, ${common}, ${AMOUNT_SQL} / 2, 'SUCCEEDED', 'APP',
      '${shape.refundNoPrefix}' || lpad(j::text, 16, '0'), ${paidAt} + ${Math.floor(stepMs / 2)} * interval '1 millisecond', ${paidAt}, ${paidAt}
    FROM generate_series(1, ${refunds}) AS j, LATERAL (SELECT j * ${REFUND_EVERY} AS i) AS paid`);
  await db().$executeRawUnsafe('ANALYZE "Order", "Payment", "Refund"');
}

const HEADER = '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY = '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${pad(fen % 100, 2)}`;
const fee = (units: number) => `${units < 0 ? '-' : ''}${Math.floor(Math.abs(units) / 100_000)}.${pad(Math.abs(units) % 100_000, 5)}`;
const line = (cells: readonly string[]) => `\`${cells.join(',`')}\r\n`;

/** The bill as WeChat Pay writes it (v3 ALL layout, CRLF, backtick-prefixed values, summary block last). */
async function writeBill(shape: Layout, path: string): Promise<Pick<ReconDay, 'payments' | 'refunds' | 'fileLines'>> {
  const out = createWriteStream(path);
  const totals = { payments: { count: 0, amount: 0 }, refunds: { count: 0, amount: 0 }, feeUnits: 0 };
  let chunk = `${HEADER}\r\n`;
  const flush = async () => {
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  };
  for (let i = 1; i <= shape.payments; i++) {
    const at = shape.dayStart + i * shape.stepMs;
    const tradeNo = `${shape.tradePrefix}${pad(i, 13)}`;
    const serialNo = `${shape.serialPrefix}${pad(i, 13)}`;
    const amount = yuan(amountOf(i));
    const paidFee = amountOf(i) * FEE_PER_FEN;
    chunk += line([toBeijingTime(new Date(at)), 'wx81be3101902f7cb2', '1601959334', '0', '', tradeNo, serialNo, 'ofyak5qR_1wYsC99CsWA6R9MJazA', 'NATIVE', 'SUCCESS', 'OTHERS', 'CNY', amount, '0.00', '0', '0', '0.00', '0.00', '', '', '物业费', '', fee(paidFee), '0.60%', amount, '0.00', '']);
    totals.payments.count += 1;
    totals.payments.amount += amountOf(i);
    totals.feeUnits += paidFee;
    const j = i / REFUND_EVERY;
    if (Number.isInteger(j) && j <= shape.refunds) {
      const refund = refundAmountOf(i);
      const refundNo = `${shape.refundNoPrefix}${pad(j, 16)}`;
      chunk += line([toBeijingTime(new Date(at + Math.floor(shape.stepMs / 2))), 'wx81be3101902f7cb2', '1601959334', '0', '', tradeNo, serialNo, 'ofyak5qR_1wYsC99CsWA6R9MJazA', 'NATIVE', 'REFUND', 'OTHERS', 'CNY', '0.00', '0.00', refundNo, `${shape.refundPrefix}${pad(j, 13)}`, yuan(refund), '0.00', 'ORIGINAL', 'SUCCESS', '物业费', '', fee(-refund * FEE_PER_FEN), '0.60%', '0.00', yuan(refund), '']);
      totals.refunds.count += 1;
      totals.refunds.amount += refund;
      totals.feeUnits -= refund * FEE_PER_FEN;
    }
    if (i % 1000 === 0) await flush();
  }
  const { payments, refunds } = totals;
  chunk += `${SUMMARY}\r\n${line([String(payments.count + refunds.count), yuan(payments.amount), yuan(refunds.amount), '0.00', fee(totals.feeUnits), yuan(payments.amount), yuan(refunds.amount)])}`;
  await flush();
  out.end();
  await once(out, 'finish');
  return { payments, refunds, fileLines: payments.count + refunds.count + 3 };
}

/** A WeChat Pay sandbox channel on the tenant's merchant, its day's records, and its bill of `lines` rows at `path`. */
export async function makeReconDay(options: { tenant: PaymentsTenant; lines: number; date: string; path: string }): Promise<ReconDay> {
  const { tenant, date } = options;
  const { paymentId } = await activateChannel({ actor: tenant.companyAdmin, input: { merchantId: tenant.merchantId, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'] } });
  const shape = layout(options.lines, date);
  await recordTrades(shape, { appId: tenant.app.id, merchantId: tenant.merchantId, companyId: tenant.companyId, paymentChannelId: paymentId });
  return { paymentChannelId: paymentId, date, ...(await writeBill(shape, options.path)) };
}
