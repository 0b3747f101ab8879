// The codes of the simulated web authorizations (WeChat snsapi_base, Alipay auth_base): issued to the
// payer's browser on PayCenter's own origin only (the app's authorized domain), good for 5 minutes and
// exchanged once (a conditional update: of two exchanges, one wins).
import { randomBytes } from 'node:crypto';
import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';

const CODE_LIFETIME_MS = 5 * 60_000;

/** The redirect_uri as a URL when it is on PayCenter's own origin, else null. */
export function ownRedirect(value: string | null): URL | null {
  try {
    const url = new URL(value ?? '');
    return url.origin === new URL(env().PAYCENTER_BASE_URL).origin ? url : null;
  } catch {
    return null;
  }
}

export async function issueAuthCode(options: { channel: Channel; appId: string; payerId: string; now: Date }): Promise<string> {
  const code = randomBytes(16).toString('hex');
  await db().sandboxAuthCode.create({ data: { code, channel: options.channel, appId: options.appId, payerId: options.payerId, expiresAt: new Date(options.now.getTime() + CODE_LIFETIME_MS) } });
  return code;
}

/** The payer's id for a code of this app, or why not: unknown (or another app's, or expired), or already used. */
export async function redeemAuthCode(options: { channel: Channel; appId: string; code: string; now: Date }): Promise<{ payerId: string } | 'INVALID' | 'USED'> {
  const found = options.code ? await db().sandboxAuthCode.findUnique({ where: { code: options.code } }) : null;
  if (!found || found.channel !== options.channel || found.appId !== options.appId || found.expiresAt <= options.now) return 'INVALID';
  const spent = await db().sandboxAuthCode.updateMany({ where: { code: options.code, usedAt: null }, data: { usedAt: options.now } });
  return spent.count === 1 ? { payerId: found.payerId } : 'USED';
}
