// The checks Alipay's gateway makes before any business logic: required common parameters, RSA2 only,
// UTF-8 only, a fresh timestamp, a known app, in certificate mode the app certificate and root bundle the
// request names, and a signature made with that app's private key.
import { createPublicKey } from 'node:crypto';
import { db } from '@/server/db/client';
import { alipayNotifySignContent } from '@/server/gateway/channels/alipay/notify-signature';
import { rsa2Signer } from '@/server/gateway/channels/alipay/rsa2-signature';
import { sandboxRootCertSn } from './certificates/alipay-certificate-authority';
import { AlipayGatewayError, invalidParameter } from './gateway-error';

export interface GatewayRequest {
  appId: string;
  method: string;
  params: Readonly<Record<string, string>>;
  bizContent: Readonly<Record<string, unknown>>;
}

const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function required(params: Record<string, string>, name: string, subCode: string, subMsg: string): string {
  const value = params[name];
  if (!value) throw new AlipayGatewayError('40001', subCode, subMsg);
  return value;
}

/**
 * Alipay reads the timestamp as Beijing time; the SDK writes the caller's local time. Accepting either
 * reading keeps a UTC development machine working without accepting stale requests.
 */
function checkTimestamp(timestamp: string, now: Date): void {
  const match = TIMESTAMP.exec(timestamp);
  const [, y, mo, d, h, mi, s] = (match ?? []).map(Number);
  const asLocal = match ? new Date(y!, mo! - 1, d!, h!, mi!, s!).getTime() : NaN;
  const asBeijing = match ? Date.parse(`${timestamp.replace(' ', 'T')}+08:00`) : NaN;
  const fresh = [asLocal, asBeijing].some((at) => Math.abs(at - now.getTime()) <= MAX_CLOCK_SKEW_MS);
  if (!fresh) throw new AlipayGatewayError('40002', 'isv.invalid-timestamp', '非法的时间戳参数：格式应为 yyyy-MM-dd HH:mm:ss，且与服务器时间相差不超过 15 分钟');
}

function parseBizContent(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter('biz_content 不是合法的 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidParameter('biz_content 必须是 JSON 对象');
  return parsed as Record<string, unknown>;
}

/**
 * An app in certificate mode must name the app certificate Alipay issued it and Alipay's root bundle;
 * one in public key mode has no certificate to name. These come before the signature, as Alipay picks
 * the key by them.
 */
async function checkCertificateSns(params: Record<string, string>, appCertSn: string | null): Promise<void> {
  const named = params.app_cert_sn;
  if (!appCertSn) {
    if (named) throw new AlipayGatewayError('40002', 'isv.app-cert-not-exist', '应用公钥证书不存在');
    return;
  }
  if (!named) throw new AlipayGatewayError('40003', 'isv.missing-signature-config', '应用未配置对应签名算法的公钥或者证书');
  if (named !== appCertSn) throw new AlipayGatewayError('40002', 'isv.app-cert-not-exist', '应用公钥证书不存在');
  if (params.alipay_root_cert_sn !== (await sandboxRootCertSn())) {
    throw new AlipayGatewayError('40002', 'isv.invalid-alipay-root-cert-sn', '无效支付宝根证书序列号');
  }
}

async function appPublicKey(params: Record<string, string>, appId: string) {
  const account = await db().sandboxAccount.findUnique({ where: { channel_accountId: { channel: 'ALIPAY', accountId: appId } } });
  if (!account?.merchantPublicKeyPem) throw new AlipayGatewayError('40002', 'isv.invalid-app-id', '无效的AppID参数');
  await checkCertificateSns(params, account.appCertSn);
  return createPublicKey(account.merchantPublicKeyPem);
}

export async function verifyGatewayRequest(params: Record<string, string>, now: Date): Promise<GatewayRequest> {
  const method = required(params, 'method', 'isv.missing-method', '缺少方法名参数');
  const appId = required(params, 'app_id', 'isv.missing-app-id', '缺少AppID参数');
  const sign = required(params, 'sign', 'isv.missing-signature', '缺少签名参数');
  const signType = required(params, 'sign_type', 'isv.missing-signature-type', '缺少签名类型参数');
  if (signType !== 'RSA2') throw new AlipayGatewayError('40002', 'isv.invalid-signature-type', '无效的签名类型参数：沙箱只支持 RSA2');
  const charset = required(params, 'charset', 'isv.missing-charset', '缺少字符集参数');
  if (charset.toLowerCase() !== 'utf-8') throw new AlipayGatewayError('40002', 'isv.invalid-charset', '字符集错误：沙箱只支持 utf-8');
  if (params.format !== undefined && params.format.toUpperCase() !== 'JSON') throw new AlipayGatewayError('40002', 'isv.invalid-format', '无效的数据格式参数');
  checkTimestamp(required(params, 'timestamp', 'isv.missing-timestamp', '缺少时间戳参数'), now);
  const key = await appPublicKey(params, appId);
  // The gateway's rule: every non-empty parameter except sign (sign_type included), sorted, k=v&...
  if (!rsa2Signer(alipayNotifySignContent(params, { includeSignType: true }), sign, [key])) {
    throw new AlipayGatewayError('40002', 'isv.invalid-signature', '验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配');
  }
  return { appId, method, params, bizContent: parseBizContent(params.biz_content) };
}
