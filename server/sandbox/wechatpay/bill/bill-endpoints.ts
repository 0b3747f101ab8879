// GET /v3/bill/tradebill?bill_date=&bill_type=&tar_type= and GET /v3/bill/fundflowbill?bill_date=&account_type=
// answer where to download the day's bill and its SHA1 — of the bill text, before any gzip, as WeChat
// documents ("原始账单（gzip需要解压缩）的摘要值"); GET /v3/billdownload/file?token= (signed like any request)
// serves it, gzipped when tar_type=GZIP was asked. As at WeChat, a bill exists only for a Beijing day
// that has ended and that had trades (fund movements); download answers are not signed.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { env } from '@/server/config/env';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { WechatpayApiError, paramError } from '../api-error';
import { SIMULATOR_PREFIX, type VerifiedRequest } from '../verify-request';
import type { BillText } from './bill-text';
import { fundFlowBill } from './fund-flow-bill';
import { TRADE_BILL_TYPES, tradeBill, type TradeBillType } from './trade-bill';

export const BILL_DOWNLOAD_PATH = '/v3/billdownload/file';
const noStatement = () => new WechatpayApiError(400, 'NO_STATEMENT_EXIST', '账单文件不存在');

/** What a download token names: the merchant, the day, which bill and whether to gzip it. */
interface BillRef {
  m: string;
  d: string;
  /** A trade bill type, or FUND for the basic account's fund flow. */
  t: TradeBillType | 'FUND';
  z: boolean;
}

function query(request: VerifiedRequest, now: Date): { date: string; gzip: boolean } {
  const date = request.query.get('bill_date') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00+08:00`))) throw paramError('bill_date', '格式须为 yyyy-MM-DD', 'query');
  const tarType = request.query.get('tar_type');
  if (tarType !== null && tarType !== 'GZIP') throw paramError('tar_type', '仅支持 GZIP', 'query');
  if (date >= toWechatTime(now).slice(0, 10)) throw noStatement();
  return { date, gzip: tarType === 'GZIP' };
}

const billOf = (ref: BillRef): Promise<BillText> => (ref.t === 'FUND' ? fundFlowBill(ref.m, ref.d) : tradeBill(ref.m, ref.d, ref.t));

async function applyFor(ref: BillRef): Promise<Record<string, string>> {
  const bill = await billOf(ref);
  if (bill.rows === 0) throw noStatement();
  const token = Buffer.from(JSON.stringify(ref)).toString('base64url');
  return {
    hash_type: 'SHA1',
    hash_value: createHash('sha1').update(bill.text, 'utf8').digest('hex'),
    download_url: `${env().PAYCENTER_BASE_URL}${SIMULATOR_PREFIX}${BILL_DOWNLOAD_PATH}?token=${token}`,
  };
}

export function applyTradeBill(request: VerifiedRequest, now: Date): Promise<Record<string, string>> {
  const { date, gzip } = query(request, now);
  const billType = request.query.get('bill_type') ?? 'ALL';
  if (!(TRADE_BILL_TYPES as readonly string[]).includes(billType)) throw paramError('bill_type', '沙箱提供 ALL、SUCCESS、REFUND 交易账单', 'query');
  return applyFor({ m: request.merchant.mchId, d: date, t: billType as TradeBillType, z: gzip });
}

export function applyFundFlowBill(request: VerifiedRequest, now: Date): Promise<Record<string, string>> {
  const { date, gzip } = query(request, now);
  const accountType = request.query.get('account_type') ?? 'BASIC';
  if (accountType !== 'BASIC') throw paramError('account_type', '沙箱只有基本账户（BASIC）', 'query');
  return applyFor({ m: request.merchant.mchId, d: date, t: 'FUND', z: gzip });
}

export async function downloadBill(request: VerifiedRequest): Promise<Response> {
  let ref: Partial<BillRef> = {};
  try {
    ref = JSON.parse(Buffer.from(request.query.get('token') ?? '', 'base64url').toString('utf8')) as Partial<BillRef>;
  } catch {
    // Falls through to the token check.
  }
  const { m, d, t, z } = ref;
  // The token names the merchant's own bill only: another merchant's signature does not open it.
  if (m !== request.merchant.mchId || typeof d !== 'string' || (t !== 'FUND' && !TRADE_BILL_TYPES.includes(t as TradeBillType))) {
    throw paramError('token', '无效的账单下载 token', 'query');
  }
  const bill = await billOf({ m, d, t: t!, z: z === true });
  if (z !== true) return new Response(bill.text, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(gzipSync(Buffer.from(bill.text, 'utf8'))), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
}
