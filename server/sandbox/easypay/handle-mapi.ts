// The simulated {gateway}/mapi.php (API payment): a signed POST; the answer says how the buyer pays:
// a code to scan on a computer (qrcode), a page to open on a phone (payurl), both our pay page.
import { answerJson, badRequest } from './gateway-error';
import { createEasypayTrade } from './create-trade';
import { verifySignedRequest } from './merchant';
import { payPageUrl } from './pay-page-url';
import { readEasypayParams } from './read-params';

export async function handleEasypayMapi(request: Request, now = new Date()): Promise<Response> {
  return answerJson(async () => {
    if (request.method !== 'POST') throw badRequest('请使用POST方式提交');
    const params = await readEasypayParams(request);
    const merchant = await verifySignedRequest(params);
    if (!params.clientip) throw badRequest('用户IP地址(clientip)不能为空');
    const trade = await createEasypayTrade({ merchant, entry: 'mapi.php', params, now });
    const url = payPageUrl(trade.tradeNo);
    return { code: 1, msg: '下单成功', trade_no: trade.tradeNo, ...(params.device === 'mobile' ? { payurl: url } : { qrcode: url }) };
  });
}
