// GET /v3/bill/tradebill?bill_date=yyyy-MM-dd answers where to download the day's bill and its SHA1;
// GET /v3/billdownload/file?token= (signed like any request) serves it. As at WeChat, a bill exists
// only for a Beijing day that has ended and that had trades; download answers are not signed.
import { createHash } from 'node:crypto';
import { env } from '@/server/config/env';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { WechatpayApiError, paramError } from '../api-error';
import { SIMULATOR_PREFIX, type VerifiedRequest } from '../verify-request';
import { tradeBill } from './trade-bill';

export const BILL_DOWNLOAD_PATH = '/v3/billdownload/file';
const noStatement = () => new WechatpayApiError(400, 'NO_STATEMENT_EXIST', '账单文件不存在');

function billDate(request: VerifiedRequest, now: Date): string {
  const date = request.query.get('bill_date') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00+08:00`))) throw paramError('bill_date', '格式须为 yyyy-MM-DD', 'query');
  const billType = request.query.get('bill_type') ?? 'ALL';
  if (billType !== 'ALL') throw paramError('bill_type', '沙箱只提供 ALL 交易账单', 'query');
  const tarType = request.query.get('tar_type');
  if (tarType !== null) throw paramError('tar_type', '沙箱只提供未压缩的账单', 'query');
  if (date >= toWechatTime(now).slice(0, 10)) throw noStatement();
  return date;
}

const tokenOf = (mchId: string, date: string) => Buffer.from(JSON.stringify({ m: mchId, d: date })).toString('base64url');

export async function applyTradeBill(request: VerifiedRequest, now: Date): Promise<Record<string, string>> {
  const date = billDate(request, now);
  const bill = await tradeBill(request.merchant.mchId, date);
  if (bill.rows === 0) throw noStatement();
  return {
    hash_type: 'SHA1',
    hash_value: createHash('sha1').update(bill.text, 'utf8').digest('hex'),
    download_url: `${env().PAYCENTER_BASE_URL}${SIMULATOR_PREFIX}${BILL_DOWNLOAD_PATH}?token=${tokenOf(request.merchant.mchId, date)}`,
  };
}

export async function downloadBill(request: VerifiedRequest): Promise<Response> {
  let ref: { m?: unknown; d?: unknown } = {};
  try {
    ref = JSON.parse(Buffer.from(request.query.get('token') ?? '', 'base64url').toString('utf8')) as typeof ref;
  } catch {
    // Falls through to the token check.
  }
  // The token names the merchant's own bill only: another merchant's signature does not open it.
  if (ref.m !== request.merchant.mchId || typeof ref.d !== 'string') throw paramError('token', '无效的账单下载 token', 'query');
  const bill = await tradeBill(request.merchant.mchId, ref.d);
  return new Response(bill.text, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
