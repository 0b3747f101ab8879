import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` characters of [0-9A-Za-z], uniformly random (rejection sampling avoids modulo bias). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export type IdPrefix = 'usr' | 'co' | 'aud' | 'mch' | 'pay' | 'app' | 'sec' | 'grt' | 'crt' | 'ord' | 'ntf' | 'evt' | 'alr' | 'wha' | 'bil' | 'rec' | 'rcd' | 'dtr' | 'dtm' | 'sdm' | 'rcv';

/** Opaque, unguessable ids such as `usr_5fQ2...` (20 base62 characters, ~119 bits). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(20)}`;
}
