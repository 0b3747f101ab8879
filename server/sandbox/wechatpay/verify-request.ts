// The checks api.mch.weixin.qq.com makes before any business logic: the Authorization scheme, a fresh
// timestamp, a known merchant, its certificate serial, and a signature made with its private key over
// "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n", PATH being the path WeChat sees (/v3/...).
import { createVerify } from 'node:crypto';
import type { SandboxWechatVerifyMode } from '@/server/db/generated/client';
import { WechatpayApiError, signError } from './api-error';
import { findWechatpayMerchant, type WechatpayMerchant } from './merchant-account';

export const SIMULATOR_PREFIX = '/sandbox/wechatpay';
const SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const MAX_CLOCK_SKEW_S = 5 * 60;
const MAX_BODY_BYTES = 1024 * 1024;

export interface VerifiedRequest {
  merchant: WechatpayMerchant;
  method: string;
  /** The path as WeChat sees it, without the simulator's prefix: /v3/pay/transactions/native. */
  path: string;
  query: URLSearchParams;
  body: string;
  /** Wechatpay-Serial: which platform key encrypted the request's sensitive fields. */
  wechatpaySerial: string | null;
}

/** `key="value"` pairs separated by commas; values never contain quotes. */
function authorizationParams(header: string | null): Record<string, string> {
  if (!header?.startsWith(`${SCHEME} `)) throw signError(`Authorization 缺失或认证类型不是 ${SCHEME}`);
  const params: Record<string, string> = {};
  for (const match of header.slice(SCHEME.length + 1).matchAll(/([a-z_]+)="([^"]*)"/g)) params[match[1]!] = match[2]!;
  return params;
}

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (!value) throw signError(`Authorization 缺少 ${name}`);
  return value;
}

/** Which serial to sign a refusal under: the claimed merchant's, when it exists, else the public key id. */
export async function claimedVerifyMode(request: Request): Promise<SandboxWechatVerifyMode> {
  try {
    const mchId = authorizationParams(request.headers.get('authorization')).mchid;
    return (mchId && (await findWechatpayMerchant(mchId))?.verifyMode) || 'PUBLIC_KEY';
  } catch {
    return 'PUBLIC_KEY';
  }
}

export async function verifyWechatpayRequest(request: Request, now: Date): Promise<VerifiedRequest> {
  const url = new URL(request.url);
  const params = authorizationParams(request.headers.get('authorization'));
  const mchId = required(params, 'mchid');
  const nonce = required(params, 'nonce_str');
  const timestamp = required(params, 'timestamp');
  const serial = required(params, 'serial_no');
  const signature = required(params, 'signature');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) - now.getTime() / 1000) > MAX_CLOCK_SKEW_S) {
    throw signError('请求的时间戳与微信支付服务器时间相差超过 5 分钟，请检查系统时间');
  }
  const merchant = await findWechatpayMerchant(mchId);
  if (!merchant?.merchantPublicKey) throw new WechatpayApiError(400, 'MCH_NOT_EXISTS', '商户号不存在');
  if (serial.toUpperCase() !== merchant.merchantSerial?.toUpperCase()) throw signError('商户证书序列号有误，请确认 serial_no 是商户 API 证书的序列号');

  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) throw new WechatpayApiError(400, 'PARAM_ERROR', '请求体过大');
  const path = url.pathname.startsWith(`${SIMULATOR_PREFIX}/`) ? url.pathname.slice(SIMULATOR_PREFIX.length) : url.pathname;
  const message = `${request.method}\n${path}${url.search}\n${timestamp}\n${nonce}\n${body}\n`;
  let valid = false;
  try {
    valid = createVerify('RSA-SHA256').update(message, 'utf8').verify(merchant.merchantPublicKey, signature, 'base64');
  } catch {
    valid = false;
  }
  if (!valid) throw signError('签名错误，请检查后再试');
  return { merchant, method: request.method, path, query: url.searchParams, body, wechatpaySerial: request.headers.get('wechatpay-serial') };
}
