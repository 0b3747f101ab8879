// For tests: checks a simulator answer or callback the way a WeChat Pay client must.
import { createDecipheriv, createVerify, type KeyObject } from 'node:crypto';

export function verifiesWith(key: KeyObject, headers: Headers, body: string): boolean {
  const message = `${headers.get('wechatpay-timestamp')}\n${headers.get('wechatpay-nonce')}\n${body}\n`;
  return createVerify('RSA-SHA256').update(message, 'utf8').verify(key, headers.get('wechatpay-signature') ?? '', 'base64');
}

/** AEAD_AES_256_GCM decryption that checks the tag (the SDK's decipher_gcm never calls final()). */
export function decryptResource(apiV3Key: string, resource: { ciphertext: string; associated_data: string; nonce: string }): string {
  const sealed = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  decipher.setAAD(Buffer.from(resource.associated_data, 'utf8'));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8');
}
