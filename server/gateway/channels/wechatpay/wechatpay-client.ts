import { createPublicKey } from 'node:crypto';
import Pay from 'wechatpay-node-v3';
import type { Output } from 'wechatpay-node-v3/dist/lib/interface-v2';
import type { IPayRequest } from 'wechatpay-node-v3/dist/lib/pay-request.interface';
import { fetchBillFile } from '@/server/gateway/bill-file';
import { ChannelError } from '@/server/gateway/channel-error';
import type { WechatPayCredentials } from './credentials';
import type { ChannelAccount, ChannelBillFile } from '@/server/gateway/types';
import { invalidResponse, transportError, wechatError, type WechatErrorBody } from './error-map';
import { verifyWechatPaySignature } from './signature';

/** The SDK writes every URL against the live host and signs the path without it. */
const WECHAT_API = 'https://api.mch.weixin.qq.com';
const TIMEOUT_MS = 10_000;

export function wechatPayCredentials(account: ChannelAccount): WechatPayCredentials {
  if (account.credentials.channel !== 'WECHATPAY') throw new Error(`${account.paymentId} is not a WeChat Pay channel`);
  return account.credentials;
}

/** An answer as the SDK hands it back, plus what we need to trust it. */
export interface WechatAnswer extends Output {
  /** True when the answer's signature verified against the whitelist (always, for 2xx answers). */
  verified: boolean;
  headers: Headers;
  body: string;
}

/**
 * The SDK's HTTP hook: sends to the account's endpoint (live API or simulator) and verifies every
 * answer's signature before the SDK sees it. A 2xx answer must verify. An error answer is marked
 * verified or not (WeChat does not sign every error, e.g. when it cannot tell the merchant): callers
 * only ever turn a verified error into a result, and report an unverified one as an error.
 * `deferVerification` hands the raw answer to a caller that verifies it itself (the first download
 * of platform certificates). Bill files bypass it: `billFile` streams their bytes (see WechatPaySdk).
 */
class WechatPayHttp implements IPayRequest {
  constructor(
    private readonly account: ChannelAccount,
    private readonly deferVerification: boolean,
  ) {}

  post(url: string, params: Record<string, unknown>, headers: Record<string, string>): Promise<WechatAnswer> {
    // The SDK signed JSON.stringify of this very object: the same call gives the same bytes.
    return this.send('POST', url, headers, JSON.stringify(params));
  }

  get(url: string, headers: Record<string, string>): Promise<WechatAnswer> {
    return this.send('GET', url, headers);
  }

  upload(): Promise<Output> {
    throw new ChannelError({ channelCode: 'METHOD_NOT_SUPPORTED', channelMessage: 'PayCenter uploads nothing to WeChat Pay', retryable: false });
  }

  /** Where a signed request for `url` (always written against WeChat's host) really goes. */
  target(url: string): string {
    if (!url.startsWith(`${WECHAT_API}/`)) throw invalidResponse('WECHATPAY_CLIENT_ERROR', `refusing to send a signed request outside the WeChat Pay API: ${url}`);
    return `${this.account.endpoint.replace(/\/+$/, '')}${url.slice(WECHAT_API.length)}`;
  }

  private async send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<WechatAnswer> {
    const target = this.target(url);
    let response: Response;
    let text: string;
    try {
      response = await fetch(target, {
        method,
        headers,
        body,
        // WeChat never redirects its API; a redirect must not carry our Authorization elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw transportError(error);
    }
    const ok = response.status >= 200 && response.status < 300;
    const verified = this.deferVerification ? false : this.check(response, text, ok);
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      // A deferring caller judges the body itself; the API otherwise answers JSON.
      if (ok && !this.deferVerification) throw invalidResponse('WECHATPAY_BAD_ANSWER', `WeChat Pay answered HTTP ${response.status} with a body that is not JSON`, text.slice(0, 300));
    }
    return { status: response.status, data, ...(ok ? {} : { error: text }), verified, headers: response.headers, body: text };
  }

  private check(response: Response, text: string, ok: boolean): boolean {
    const check = verifyWechatPaySignature({ headers: response.headers, body: text, trustedKeys: this.account.trustedKeys });
    if (!check.ok && ok) throw invalidResponse('RESPONSE_SIGNATURE_INVALID', `The answer was not signed by a trusted WeChat Pay key (${check.reason})`);
    return check.ok;
  }
}

/**
 * The SDK with one addition: a signed GET of any API path, for /v3/certificates (the SDK's own
 * download decrypts without checking the GCM tag and keeps the keys in a process-wide cache).
 */
class WechatPaySdk extends Pay {
  constructor(
    options: ConstructorParameters<typeof Pay>[0],
    private readonly http: WechatPayHttp,
  ) {
    super(options);
    this.createHttp(http);
  }

  signedGet(path: string): Promise<Output> {
    const url = `${WECHAT_API}${path}`;
    return this.httpService.get(url, this.getHeaders(this.buildAuthorization('GET', url)));
  }

  /**
   * A bill file (`/v3/billdownload/file?token=…`), signed like any request as the SDK's downloadBill
   * signs it, but read as a stream of raw bytes: the SDK's client would decode the body as text.
   */
  billFile(path: string): Promise<Omit<ChannelBillFile, 'declaredHash'>> {
    const url = `${WECHAT_API}${path}`;
    return fetchBillFile({ url: this.http.target(url), headers: this.getHeaders(this.buildAuthorization('GET', url)), packing: 'GZIP' });
  }
}

/** The SDK configured for one payment channel, its HTTP going through our verifying hook. */
function newWechatPayClient(account: ChannelAccount, deferVerification: boolean): WechatPaySdk {
  const credentials = wechatPayCredentials(account);
  // The SDK wants the merchant certificate only to read its serial, which we already have.
  const merchantPublicKey = createPublicKey(credentials.privateKey).export({ type: 'spki', format: 'pem' });
  return new WechatPaySdk(
    {
      appid: credentials.appId,
      mchid: credentials.mchId,
      serial_no: credentials.merchantCertSerial,
      publicKey: Buffer.from(merchantPublicKey),
      privateKey: Buffer.from(credentials.privateKey),
      key: credentials.apiV3Key,
      userAgent: 'PayCenter',
    },
    new WechatPayHttp(account, deferVerification),
  );
}

// One SDK per account object and verification mode: loadChannelAccount hands out the same frozen
// account until the channel's credentials or whitelist change, then a new one.
const clients = new WeakMap<ChannelAccount, Map<boolean, WechatPaySdk>>();

export function wechatPayClient(account: ChannelAccount, options: { deferVerification?: boolean } = {}): WechatPaySdk {
  const deferVerification = options.deferVerification ?? false;
  let byMode = clients.get(account);
  if (!byMode) clients.set(account, (byMode = new Map()));
  let client = byMode.get(deferVerification);
  if (!client) byMode.set(deferVerification, (client = newWechatPayClient(account, deferVerification)));
  return client;
}

/** One SDK call: network and local failures become ChannelErrors; WeChat's error answers come back. */
export async function callWechatPay(account: ChannelAccount, run: (client: WechatPaySdk) => Promise<Output>, options: { deferVerification?: boolean } = {}): Promise<WechatAnswer> {
  let answer: Output;
  try {
    answer = await run(wechatPayClient(account, options));
  } catch (error) {
    if (error instanceof ChannelError) throw error;
    throw new ChannelError({ channelCode: 'WECHATPAY_CLIENT_ERROR', channelMessage: error instanceof Error ? error.message.slice(0, 300) : String(error), retryable: false, cause: error });
  }
  // The SDK's stock client answers network failures as {status: undefined, error}; ours throws, but be sure.
  if (typeof answer?.status !== 'number' || !('verified' in answer)) throw transportError(new Error(String((answer as Output | undefined)?.error ?? 'no answer')));
  return answer as WechatAnswer;
}

/** The answer's JSON when WeChat accepted the request; its error as a ChannelError otherwise. */
export function requireSuccess<T = Record<string, unknown>>(answer: WechatAnswer): T {
  if (answer.status >= 200 && answer.status < 300) return (answer.data ?? {}) as T;
  throw wechatError(answer.status, answer.data as WechatErrorBody | undefined, answer.data ?? answer.error, answer.verified);
}

/** The error code of a failed answer that WeChat signed (an unsigned one proves nothing). */
export function verifiedErrorCode(answer: WechatAnswer): string | undefined {
  if (!answer.verified || answer.status < 400) return undefined;
  const code = (answer.data as WechatErrorBody | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
