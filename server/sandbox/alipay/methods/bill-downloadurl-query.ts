// alipay.data.dataservice.bill.downloadurl.query: a link to the day's (or month's) trade bill. As at Alipay,
// a bill exists only for a period that has ended (Beijing time).
import { z } from 'zod';
import { parseBiz } from '../biz-content';
import { billLink } from '../bill/bill-link';
import { billPeriod } from '../bill/trade-bill';
import { businessError } from '../gateway-error';
import type { AlipayPayload } from '../gateway-response';
import type { GatewayRequest } from '../verify-gateway-request';

const billBiz = z.looseObject({
  // signcustomer (account bill) is not simulated.
  bill_type: z.literal('trade', { error: '沙箱只支持 trade 账单' }),
  bill_date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: '格式应为 yyyy-MM-dd 或 yyyy-MM' }),
});

export async function billDownloadUrlQuery(request: GatewayRequest, now: Date): Promise<AlipayPayload> {
  const biz = parseBiz(billBiz, request.bizContent);
  const { end } = billPeriod(biz.bill_date);
  if (Number.isNaN(end.getTime()) || end > now) throw businessError('isp.bill_not_exist', '账单不存在');
  return { code: '10000', msg: 'Success', bill_download_url: await billLink({ appId: request.appId, billType: biz.bill_type, billDate: biz.bill_date }, now) };
}
