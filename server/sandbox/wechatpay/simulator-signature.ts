// Everything the simulated WeChat Pay sends (API answers, callbacks) carries its signature headers:
// RSA-SHA256 over "timestamp\nnonce\nbody\n" with the simulator's key, named by the serial the merchant
// knows it by — the platform certificate serial, or the WeChat Pay public key id.
import { createSign } from 'node:crypto';
import type { SandboxWechatVerifyMode } from '@/server/db/generated/client';
import { randomBase62 } from '@/server/lib/ids';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';
import { sandboxPlatformCertificate } from './platform-certificate';

export async function signingSerial(verifyMode: SandboxWechatVerifyMode): Promise<string> {
  return verifyMode === 'PLATFORM_CERT' ? (await sandboxPlatformCertificate()).serial : (await sandboxIdentity('WECHATPAY')).publicKeyId;
}

export async function wechatpaySignatureHeaders(body: string, verifyMode: SandboxWechatVerifyMode, now: Date): Promise<Record<string, string>> {
  const { privateKeyPem } = await sandboxIdentity('WECHATPAY');
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBase62(32);
  const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`, 'utf8').sign(privateKeyPem, 'base64');
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': await signingSerial(verifyMode),
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** A signed API answer; `payload` null is an empty body (204). */
export async function signedResponse(status: number, payload: unknown, verifyMode: SandboxWechatVerifyMode, now: Date): Promise<Response> {
  const body = payload === null ? '' : JSON.stringify(payload);
  const headers = {
    ...(await wechatpaySignatureHeaders(body, verifyMode, now)),
    'Request-ID': randomBase62(32),
    ...(payload === null ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
  };
  return new Response(payload === null ? null : body, { status, headers });
}
