// For integration tests: a registered sandbox WeChat Pay merchant, the simulator's API on a real HTTP
// server with a callback receiver beside it, and the real wechatpay-node-v3 SDK pointed at it through
// its createHttp hook (the host rewritten, the signed path untouched — as the plugin does).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import WxPay from 'wechatpay-node-v3';
import { GET as apiGet, POST as apiPost } from '@/app/sandbox/wechatpay/v3/[...path]/route';
import { db } from '@/server/db/client';
import type { SandboxWechatVerifyMode } from '@/server/db/generated/client';
import { newId, randomBase62 } from '@/server/lib/ids';
import { sandboxSharedAad } from '@/server/sandbox/register-sandbox-account';
import { seal } from '@/server/security/secret-box';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';

const WECHAT_HOST = 'https://api.mch.weixin.qq.com';

/** An SDK answer with what the SDK drops: the raw body and the headers, for verifying signatures. */
export interface RawOutput {
  status: number;
  data?: unknown;
  error?: string;
  text: string;
  headers: Headers;
}

export interface ReceivedCallback {
  headers: Headers;
  body: string;
}

export interface WechatpayMerchantFixture {
  mchId: string;
  appId: string;
  serialNo: string;
  apiV3Key: string;
  privateKeyPem: string;
  publicKeyPem: string;
  paymentChannelId: string;
}

export interface WechatpaySandboxHarness {
  server: RunningServer;
  apiBase: string;
  merchant: WechatpayMerchantFixture;
  sdk: WxPay;
  sdkFor(merchant: WechatpayMerchantFixture, options?: { serialNo?: string; privateKeyPem?: string }): WxPay;
  addMerchant(verifyMode: SandboxWechatVerifyMode): Promise<WechatpayMerchantFixture>;
  notifyUrl: string;
  callbacks: ReceivedCallback[];
  /** HTTP statuses the receiver answers next (default 204). */
  callbackAnswers: number[];
}

function digits(count: number): string {
  return Array.from(randomBytes(count), (byte) => String(byte % 10)).join('');
}

async function registerMerchant(verifyMode: SandboxWechatVerifyMode): Promise<WechatpayMerchantFixture> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const paymentChannelId = newId('pay');
  const merchant = {
    mchId: `16${digits(8)}`,
    appId: `wx${randomBytes(8).toString('hex')}`,
    serialNo: randomBytes(20).toString('hex').toUpperCase(),
    apiV3Key: randomBase62(32),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    paymentChannelId,
  };
  await db().sandboxAccount.create({
    data: {
      paymentChannelId,
      channel: 'WECHATPAY',
      accountId: merchant.mchId,
      appId: merchant.appId,
      merchantPublicKeyPem: merchant.publicKeyPem,
      merchantSerial: merchant.serialNo,
      sharedSealed: seal(merchant.apiV3Key, sandboxSharedAad(paymentChannelId)),
      wechatVerifyMode: verifyMode,
    },
  });
  return merchant;
}

/** The SDK's HTTP hook: fetch against the simulator, keeping the raw answer. */
function httpService(apiBase: string) {
  const call = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: unknown): Promise<RawOutput> => {
    const response = await fetch(url.replace(WECHAT_HOST, apiBase), { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as unknown) : text;
    return response.ok ? { status: response.status, data: json, text, headers: response.headers } : { status: response.status, error: text, text, headers: response.headers };
  };
  return {
    post: (url: string, params: Record<string, unknown>, headers: Record<string, string>) => call('POST', url, headers, params),
    get: (url: string, headers: Record<string, string>) => call('GET', url, headers),
    upload: () => Promise.reject(new Error('not simulated')),
  };
}

export async function startWechatpaySandbox(options: { verifyMode?: SandboxWechatVerifyMode } = {}): Promise<WechatpaySandboxHarness> {
  const callbacks: ReceivedCallback[] = [];
  const callbackAnswers: number[] = [];
  const server = await serveWebHandler(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/sandbox/wechatpay/v3/')) return request.method === 'POST' ? apiPost(request) : apiGet(request);
    if (pathname === '/notify') {
      callbacks.push({ headers: request.headers, body: await request.text() });
      const status = callbackAnswers.shift() ?? 204;
      return new Response(status === 204 ? null : JSON.stringify({ code: 'FAIL', message: '失败' }), { status });
    }
    return new Response('Not Found', { status: 404 });
  });
  const apiBase = `${server.baseUrl}/sandbox/wechatpay`;
  const sdkFor = (merchant: WechatpayMerchantFixture, overrides: { serialNo?: string; privateKeyPem?: string } = {}) => {
    const sdk = new WxPay({
      appid: merchant.appId,
      mchid: merchant.mchId,
      serial_no: overrides.serialNo ?? merchant.serialNo,
      // The SDK wants the merchant certificate only to read its serial; serial_no is given instead.
      publicKey: Buffer.from(merchant.publicKeyPem),
      privateKey: Buffer.from(overrides.privateKeyPem ?? merchant.privateKeyPem),
      key: merchant.apiV3Key,
    });
    sdk.createHttp(httpService(apiBase));
    return sdk;
  };
  const merchant = await registerMerchant(options.verifyMode ?? 'PUBLIC_KEY');
  return {
    server,
    apiBase,
    merchant,
    sdk: sdkFor(merchant),
    sdkFor,
    addMerchant: registerMerchant,
    notifyUrl: `${server.baseUrl}/notify`,
    callbacks,
    callbackAnswers,
  };
}
