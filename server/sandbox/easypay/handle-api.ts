// The simulated {gateway}/api.php: act=order (an order's state) and act=refund (a synchronous refund
// of part or all of a paid order), authenticated by pid and the merchant key itself.
import { db } from '@/server/db/client';
import type { SandboxEasypayTrade } from '@/server/db/generated/client';
import { fenToYuan, YuanAmountError, yuanToFen } from '@/server/gateway/yuan';
import { easypayTime } from './easypay-time';
import { answerJson, badRequest, unknownOrder } from './gateway-error';
import { verifyKeyRequest, type EasypayMerchant } from './merchant';
import { readEasypayParams } from './read-params';

async function findOrder(merchant: EasypayMerchant, params: Record<string, string>): Promise<SandboxEasypayTrade> {
  if (!params.out_trade_no && !params.trade_no) throw badRequest('订单号(out_trade_no)不能为空');
  const trade = await db().sandboxEasypayTrade.findFirst({
    where: { pid: merchant.pid, ...(params.trade_no ? { tradeNo: params.trade_no } : {}), ...(params.out_trade_no ? { outTradeNo: params.out_trade_no } : {}) },
  });
  if (!trade) throw unknownOrder();
  return trade;
}

function orderAnswer(trade: SandboxEasypayTrade): Record<string, unknown> {
  return {
    code: 1,
    msg: '查询订单号成功！',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    api_trade_no: '',
    type: trade.type,
    pid: trade.pid,
    addtime: easypayTime(trade.createdAt),
    endtime: trade.paidAt ? easypayTime(trade.paidAt) : '',
    name: trade.name,
    money: fenToYuan(trade.moneyFen),
    refundmoney: fenToYuan(trade.refundedFen),
    param: trade.param ?? '',
    buyer: '',
    status: trade.paidAt ? 1 : 0,
  };
}

function refundFen(money: string | undefined): number {
  try {
    const fen = yuanToFen(money ?? '');
    if (fen > 0) return fen;
  } catch (error) {
    if (!(error instanceof YuanAmountError)) throw error;
  }
  throw badRequest('退款金额(money)不合法');
}

/** The order row is locked, so concurrent refunds can never pass the order amount together. */
async function refundOrder(merchant: EasypayMerchant, params: Record<string, string>): Promise<Record<string, unknown>> {
  const trade = await findOrder(merchant, params);
  const fen = refundFen(params.money);
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "SandboxEasypayTrade" WHERE "tradeNo" = ${trade.tradeNo} FOR UPDATE`;
    const current = await tx.sandboxEasypayTrade.findUniqueOrThrow({ where: { tradeNo: trade.tradeNo } });
    if (!current.paidAt) throw badRequest('订单未支付，无法退款');
    if (current.refundedFen + fen > current.moneyFen) throw badRequest(`退款金额超过订单可退金额（剩余 ${fenToYuan(current.moneyFen - current.refundedFen)} 元）`);
    await tx.sandboxEasypayTrade.update({ where: { tradeNo: trade.tradeNo }, data: { refundedFen: current.refundedFen + fen } });
    return { code: 1, msg: '退款成功' };
  });
}

export async function handleEasypayApi(request: Request): Promise<Response> {
  return answerJson(async () => {
    const params = await readEasypayParams(request);
    const act = params.act;
    if (act !== 'order' && act !== 'refund') throw badRequest('No Act');
    const merchant = await verifyKeyRequest(params);
    if (act === 'order') return orderAnswer(await findOrder(merchant, params));
    if (request.method !== 'POST') throw badRequest('请使用POST方式提交');
    return refundOrder(merchant, params);
  });
}
