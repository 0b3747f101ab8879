// AEAD_AES_256_GCM as WeChat Pay uses it for callbacks and /v3/certificates: the APIv3 key, nonce and
// associated data are UTF-8 strings; the ciphertext is base64 of the encrypted bytes followed by the tag.
import { createCipheriv } from 'node:crypto';
import { randomBase62 } from '@/server/lib/ids';

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
}

export function encryptResource(apiV3Key: string, associatedData: string, plaintext: string): EncryptedResource {
  const nonce = randomBase62(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: encrypted.toString('base64'), associated_data: associatedData, nonce };
}
