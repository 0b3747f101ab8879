import { AlipaySdk } from 'alipay-sdk';
import { ChannelError } from '@/server/gateway/channel-error';
import type { ChannelAccount } from '@/server/gateway/types';
import type { AlipayCredentials } from './credentials';
import { alipayError, transportError } from './error-map';
import { unverifiedAnswer, verifyWithNamedCertificate } from './rotated-certificate';

export function alipayCredentials(account: ChannelAccount): AlipayCredentials {
  if (account.credentials.channel !== 'ALIPAY') throw new Error(`${account.paymentId} is not an Alipay channel`);
  return account.credentials;
}

/**
 * The SDK configured for one payment channel. Responses are verified by the SDK with a key from
 * the whitelist (the newest trusted one), never with a key the answer brings along.
 */
function newAlipayClient(account: ChannelAccount): AlipaySdk {
  const credentials = alipayCredentials(account);
  const trusted = account.trustedKeys[0];
  if (!trusted) {
    throw new ChannelError({ channelCode: 'NO_TRUSTED_KEY', channelMessage: 'No trusted Alipay key or certificate on the whitelist', retryable: false });
  }
  // The SDK rebuilds PEM itself from the key body; trimmed PKCS#8 is what it expects.
  const common = {
    appId: credentials.appId,
    privateKey: credentials.privateKey.trim(),
    keyType: 'PKCS8' as const,
    signType: 'RSA2' as const,
    gateway: `${account.endpoint}/gateway.do`,
    timeout: 10_000,
    camelcase: false,
    alipayPublicKey: trusted.key.export({ type: 'spki', format: 'pem' }).toString().trim(),
  };
  if (credentials.signMode === 'CERT') {
    // The SDK takes Alipay's key from this certificate: give it the whitelisted one.
    const certificate = account.trustedKeys.find((entry) => entry.certificatePem);
    if (!certificate?.certificatePem) {
      throw new ChannelError({ channelCode: 'NO_TRUSTED_KEY', channelMessage: 'No trusted Alipay certificate on the whitelist', retryable: false });
    }
    return new AlipaySdk({
      ...common,
      appCertContent: credentials.appCert,
      alipayPublicCertContent: certificate.certificatePem,
      alipayRootCertContent: credentials.alipayRootCert,
    });
  }
  return new AlipaySdk(common);
}

// One SDK (its parsed keys and its HTTP connections) per account object: loadChannelAccount hands out
// the same frozen account until the channel's credentials or whitelist change, then a new one.
const clients = new WeakMap<ChannelAccount, AlipaySdk>();

export function alipayClient(account: ChannelAccount): AlipaySdk {
  let client = clients.get(account);
  if (!client) {
    client = newAlipayClient(account);
    clients.set(account, client);
  }
  return client;
}

export interface AlipayResult {
  code?: string;
  msg?: string;
  sub_code?: string;
  sub_msg?: string;
  [field: string]: unknown;
}

/**
 * In certificate mode, an answer that does not verify with the whitelisted certificate may be signed by
 * one Alipay renewed: verified with the certificate it names instead, downloaded if need be.
 */
async function verifiedOtherwise(account: ChannelAccount, client: AlipaySdk, method: string, error: unknown): Promise<AlipayResult> {
  const credentials = alipayCredentials(account);
  const rawBody = unverifiedAnswer(error);
  const result = rawBody && credentials.signMode === 'CERT' ? await verifyWithNamedCertificate({ account, credentials, client, method, rawBody }) : null;
  if (!result) throw transportError(error);
  return result;
}

/** One OpenAPI call with the answer's signature verified; business failures come back, not thrown. */
export async function callAlipay(account: ChannelAccount, method: string, bizContent: Record<string, unknown>, extra: Record<string, string> = {}): Promise<AlipayResult> {
  const client = alipayClient(account);
  let result: AlipayResult;
  try {
    result = (await client.exec(method, { bizContent, ...extra }, { validateSign: true })) as AlipayResult;
  } catch (error) {
    if (error instanceof ChannelError) throw error;
    result = await verifiedOtherwise(account, client, method, error);
  }
  if (result.code !== '10000' && result.code !== '40004') throw alipayError(result, result);
  return result;
}

export function requireSuccess(result: AlipayResult): AlipayResult {
  if (result.code !== '10000') throw alipayError(result, result);
  return result;
}
