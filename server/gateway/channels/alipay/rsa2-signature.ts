// SHA256withRSA ("RSA2"), the only algorithm we accept from Alipay, checked against whitelisted keys.
import { verify, type KeyObject } from 'node:crypto';

/** The signature bytes, or null unless `sign` is canonical base64 (Node's decoder skips stray characters and ignores the padding bits, which would let an altered sign pass). */
function canonicalBase64(sign: string): Buffer | null {
  const bytes = Buffer.from(sign, 'base64');
  return bytes.length > 0 && bytes.toString('base64') === sign ? bytes : null;
}

/** The first RSA key that verifies `sign` over the UTF-8 bytes of `content`, if any. */
export function rsa2Signer(content: string, sign: string, trustedKeys: readonly KeyObject[]): KeyObject | undefined {
  const signature = canonicalBase64(sign);
  if (!signature) return undefined;
  const data = Buffer.from(content, 'utf8');
  return trustedKeys.find((key) => key.asymmetricKeyType === 'rsa' && verify('sha256', data, key, signature));
}
