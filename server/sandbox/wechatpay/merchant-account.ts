// A sandbox WeChat Pay merchant as the simulator knows it (SandboxAccount, channel WECHATPAY, accountId = mchid).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { db } from '@/server/db/client';
import type { SandboxWechatVerifyMode } from '@/server/db/generated/client';
import { sandboxSharedAad } from '@/server/sandbox/register-sandbox-account';
import { open } from '@/server/security/secret-box';

export interface WechatpayMerchant {
  paymentChannelId: string;
  mchId: string;
  appId: string | null;
  merchantPublicKey: KeyObject | null;
  merchantSerial: string | null;
  /** Which serial the simulator signs under: its platform certificate's or its public key id. */
  verifyMode: SandboxWechatVerifyMode;
}

export async function findWechatpayMerchant(mchId: string): Promise<WechatpayMerchant | null> {
  const account = await db().sandboxAccount.findUnique({ where: { channel_accountId: { channel: 'WECHATPAY', accountId: mchId } } });
  if (!account) return null;
  return {
    paymentChannelId: account.paymentChannelId,
    mchId,
    appId: account.appId,
    merchantPublicKey: account.merchantPublicKeyPem ? createPublicKey(account.merchantPublicKeyPem) : null,
    merchantSerial: account.merchantSerial,
    verifyMode: account.wechatVerifyMode ?? 'PUBLIC_KEY',
  };
}

/** The merchant's APIv3 key (callbacks and /v3/certificates are encrypted with it). */
export async function merchantApiV3Key(mchId: string): Promise<string> {
  const account = await db().sandboxAccount.findUniqueOrThrow({ where: { channel_accountId: { channel: 'WECHATPAY', accountId: mchId } } });
  if (!account.sharedSealed) throw new Error(`sandbox WeChat Pay merchant ${mchId} has no APIv3 key`);
  return open(account.sharedSealed, sandboxSharedAad(account.paymentChannelId));
}
