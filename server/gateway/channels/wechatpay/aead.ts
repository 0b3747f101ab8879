// AEAD_AES_256_GCM as WeChat Pay uses it for callback resources and /v3/certificates: the APIv3 key,
// the nonce and the associated data are UTF-8 strings; the ciphertext is base64 with the 16-byte tag
// at its end. Decryption fails unless the tag verifies (the SDK's own helper never checks it).
import { createDecipheriv } from 'node:crypto';

export class AeadError extends Error {
  override name = 'AeadError';
}

export interface EncryptedResource {
  algorithm?: unknown;
  ciphertext?: unknown;
  nonce?: unknown;
  associated_data?: unknown;
}

const TAG_BYTES = 16;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The plaintext (UTF-8 text) of a resource sealed with the merchant's APIv3 key. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== undefined && resource.algorithm !== 'AEAD_AES_256_GCM') throw new AeadError(`unsupported algorithm ${String(resource.algorithm)}`);
  const { ciphertext, nonce } = resource;
  const associatedData = resource.associated_data ?? '';
  if (typeof ciphertext !== 'string' || typeof nonce !== 'string' || nonce === '' || typeof associatedData !== 'string') throw new AeadError('incomplete resource');
  const key = Buffer.from(apiV3Key, 'utf8');
  // AES-256 only: a shorter "APIv3 key" would silently select AES-128, which WeChat never uses.
  if (key.length !== 32) throw new AeadError('the APIv3 key must be 32 bytes');
  const sealed = Buffer.from(ciphertext, 'base64');
  if (sealed.length <= TAG_BYTES || sealed.toString('base64') !== ciphertext) throw new AeadError('ciphertext is not canonical base64 of a sealed message');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    return UTF8.decode(plain);
  } catch {
    throw new AeadError('the resource does not decrypt with this APIv3 key (tag mismatch)');
  }
}
