// The simulator's merchant registry: the SandboxAccount rows of sandbox EasyPay channels (pid and the
// sealed MD5 key), as an epay gateway keeps its merchants.
import { timingSafeEqual } from 'node:crypto';
import { db } from '@/server/db/client';
import { verifyEasypaySign } from '@/server/gateway/channels/easypay/md5-sign';
import { open } from '@/server/security/secret-box';
import { sandboxSharedAad } from '../register-sandbox-account';
import { badKey, badRequest, badSignature } from './gateway-error';

export interface EasypayMerchant {
  pid: string;
  key: string;
  paymentChannelId: string;
}

export async function findEasypayMerchant(pid: string): Promise<EasypayMerchant | null> {
  const row = await db().sandboxAccount.findUnique({ where: { channel_accountId: { channel: 'EASYPAY', accountId: pid } } });
  if (!row?.sharedSealed) return null;
  return { pid, key: open(row.sharedSealed, sandboxSharedAad(row.paymentChannelId)), paymentChannelId: row.paymentChannelId };
}

async function merchantOf(params: Record<string, string>): Promise<EasypayMerchant> {
  const merchant = params.pid ? await findEasypayMerchant(params.pid) : null;
  if (!merchant) throw badRequest('商户不存在！');
  return merchant;
}

/** submit.php and mapi.php: the request must carry the merchant's MD5 signature. */
export async function verifySignedRequest(params: Record<string, string>): Promise<EasypayMerchant> {
  const merchant = await merchantOf(params);
  if ((params.sign_type ?? 'MD5').toUpperCase() !== 'MD5' || !verifyEasypaySign(params, merchant.key)) throw badSignature();
  return merchant;
}

/** api.php: the merchant's key itself is the credential. */
export async function verifyKeyRequest(params: Record<string, string>): Promise<EasypayMerchant> {
  const merchant = await merchantOf(params);
  const given = Buffer.from(params.key ?? '', 'utf8');
  const expected = Buffer.from(merchant.key, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badKey();
  return merchant;
}
