// bill_download_url, like Alipay's, is a short-lived link anyone holding it can fetch: its expiry and
// the bill it names are bound by an HMAC keyed from the simulator's private key (shared by all instances).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/server/config/env';
import { sandboxIdentity } from '@/server/sandbox/sandbox-identity';

export const BILL_PATH = '/sandbox/alipay/bill';
/** Alipay's links last 30 seconds; five minutes leaves room for a person testing by hand. */
const LINK_LIFETIME_MS = 5 * 60 * 1000;

export interface BillRef {
  appId: string;
  billType: string;
  billDate: string;
}

async function token(ref: BillRef, expires: number): Promise<string> {
  const key = createHash('sha256').update(`bill-link:${(await sandboxIdentity('ALIPAY')).privateKeyPem}`).digest();
  return createHmac('sha256', key).update([ref.appId, ref.billType, ref.billDate, String(expires)].join('\n')).digest('base64url');
}

export async function billLink(ref: BillRef, now: Date): Promise<string> {
  const expires = now.getTime() + LINK_LIFETIME_MS;
  const query = new URLSearchParams({ app_id: ref.appId, bill_type: ref.billType, bill_date: ref.billDate, expires: String(expires), token: await token(ref, expires) });
  return `${env().PAYCENTER_BASE_URL}${BILL_PATH}?${query}`;
}

/** The bill a link names, or null when it was altered or has expired. */
export async function openBillLink(url: URL, now: Date): Promise<BillRef | null> {
  const get = (name: string) => url.searchParams.get(name) ?? '';
  const ref = { appId: get('app_id'), billType: get('bill_type'), billDate: get('bill_date') };
  const expires = Number(get('expires'));
  if (!Number.isSafeInteger(expires) || expires < now.getTime()) return null;
  const expected = Buffer.from(await token(ref, expires));
  const given = Buffer.from(get('token'));
  return given.length === expected.length && timingSafeEqual(given, expected) ? ref : null;
}
