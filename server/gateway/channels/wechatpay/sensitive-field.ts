import type { ChannelAccount } from '@/server/gateway/types';
import { invalidResponse } from './error-map';
import type { wechatPayClient } from './wechatpay-client';

/**
 * A sensitive field (a receiver's name) encrypted as WeChat Pay requires: RSA-OAEP with the WeChat Pay
 * platform certificate's or public key's key, its serial sent as Wechatpay-Serial. The whitelist's newest
 * key (the account lists it first) is the one WeChat decrypts with now.
 */
export function encryptSensitive(client: ReturnType<typeof wechatPayClient>, account: ChannelAccount, text: string): { ciphertext: string; serial: string } {
  const trusted = account.trustedKeys[0];
  if (!trusted) throw invalidResponse('WECHATPAY_NO_PLATFORM_KEY', 'No trusted WeChat Pay platform certificate or public key to encrypt with');
  const pem = trusted.key.export({ type: 'spki', format: 'pem' });
  return { ciphertext: client.publicEncrypt(text, Buffer.from(pem)), serial: trusted.serial };
}
