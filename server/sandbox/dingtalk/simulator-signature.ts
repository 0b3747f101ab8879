import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The check on DingTalk's side, written apart from the sender's signing on purpose so the two
 * test each other: HmacSHA256 keyed with the secret over `timestamp + "\n" + secret`, Base64,
 * compared with the `sign` query parameter after URL decoding (an unencoded "+" decodes to a
 * space and fails, as it does at DingTalk).
 */
export function signMatches(secret: string, timestamp: string, sign: string): boolean {
  const mac = createHmac('SHA256', Buffer.from(secret, 'utf8'));
  const expected = Buffer.from(mac.update(Buffer.from(`${timestamp}\n${secret}`, 'utf8')).digest().toString('base64'), 'utf8');
  const given = Buffer.from(sign, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
