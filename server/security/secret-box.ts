// Encryption of secrets at rest (channel private keys, APIv3 keys, app secrets): AES-256-GCM under
// the master key, with the key id in every sealed value so the master key can rotate (old keys
// stay readable through PAYCENTER_MASTER_KEY_PREVIOUS until everything is re-sealed).
// The associated data binds a ciphertext to its row and purpose, so it cannot be moved elsewhere.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '@/server/config/env';
import { AppError } from '@/server/errors/app-error';

const VERSION = 'v1';

interface KeyRing {
  currentId: string;
  keys: Map<string, Buffer>;
}

export function keyRingFrom(config: { PAYCENTER_MASTER_KEY: string; PAYCENTER_MASTER_KEY_ID: string; PAYCENTER_MASTER_KEY_PREVIOUS?: string }): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const entry of (config.PAYCENTER_MASTER_KEY_PREVIOUS ?? '').split(',').filter(Boolean)) {
    const [id, key] = entry.split(':');
    if (id && key) keys.set(id, Buffer.from(key, 'base64'));
  }
  keys.set(config.PAYCENTER_MASTER_KEY_ID, Buffer.from(config.PAYCENTER_MASTER_KEY, 'base64'));
  return { currentId: config.PAYCENTER_MASTER_KEY_ID, keys };
}

function ring(): KeyRing {
  return keyRingFrom(env());
}

export function seal(plaintext: string, associatedData: string, keys: KeyRing = ring()): string {
  const key = keys.keys.get(keys.currentId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, keys.currentId, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
}

export function open(sealed: string, associatedData: string, keys: KeyRing = ring()): string {
  const [version, keyId, iv, ciphertext, tag] = sealed.split(':');
  const key = keyId ? keys.keys.get(keyId) : undefined;
  if (version !== VERSION || !key || !iv || ciphertext === undefined || !tag) {
    throw new AppError('INTERNAL_ERROR', `Sealed secret uses an unknown format or master key id "${keyId ?? ''}"`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('INTERNAL_ERROR', 'A sealed secret failed its integrity check');
  }
}

/** The key id a sealed value was made with, to find values still under a retired key. */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split(':')[1];
}
