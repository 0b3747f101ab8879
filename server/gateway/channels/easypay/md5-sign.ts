// epay V1 signatures: every parameter except sign, sign_type and empty values, sorted by name (ASCII),
// `k=v` joined by `&` with the raw (never URL-encoded) values, the merchant key appended directly,
// MD5 over UTF-8, lowercase hex. The same key signs our requests and the gateway's callbacks.
import { createHash, timingSafeEqual } from 'node:crypto';

export function easypaySignContent(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'sign' && name !== 'sign_type' && params[name] !== '')
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('&');
}

export function easypaySign(params: Readonly<Record<string, string>>, key: string): string {
  return createHash('md5').update(easypaySignContent(params) + key, 'utf8').digest('hex');
}

/** The parameters with sign and sign_type=MD5 added, ready to send. */
export function signEasypayParams(params: Readonly<Record<string, string>>, key: string): Record<string, string> {
  return { ...params, sign: easypaySign(params, key), sign_type: 'MD5' };
}

/** Constant-time comparison of `sign` with the expected one; a missing or malformed sign is false. */
export function verifyEasypaySign(params: Readonly<Record<string, string>>, key: string): boolean {
  const given = params.sign ?? '';
  if (!/^[0-9a-f]{32}$/i.test(given)) return false;
  // Some gateways send the hex in upper case; the digest is the same.
  return timingSafeEqual(Buffer.from(given.toLowerCase(), 'ascii'), Buffer.from(easypaySign(params, key), 'ascii'));
}
