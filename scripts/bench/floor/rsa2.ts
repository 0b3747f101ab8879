// Alipay's RSA2 (SHA256withRSA) conventions, as the floor's merchant side and its Alipay both use them.
import { sign, verify, type KeyObject } from 'node:crypto';

/** The string signed: the parameters but `omit`, sorted by name, `name=value` joined by `&`, empty values left out. */
export function signContent(params: Readonly<Record<string, string>>, omit: readonly string[]): string {
  return Object.keys(params)
    .filter((name) => !omit.includes(name) && params[name] !== '')
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('&');
}

export const rsa2Sign = (content: string, key: KeyObject): string => sign('sha256', Buffer.from(content, 'utf8'), key).toString('base64');

export const rsa2Verify = (content: string, signature: string, key: KeyObject): boolean => verify('sha256', Buffer.from(content, 'utf8'), key, Buffer.from(signature, 'base64'));

/** A request's parameters are signed without `sign`; a notify's without `sign` and `sign_type`. */
export const REQUEST_UNSIGNED = ['sign'] as const;
export const NOTIFY_UNSIGNED = ['sign', 'sign_type'] as const;

/** `{"<method>_response":{…},"sign":"…"}`: the signature covers the response object's exact text. */
export function signedResponse(method: string, response: object, key: KeyObject): string {
  const text = JSON.stringify(response);
  return `{"${method.replaceAll('.', '_')}_response":${text},"sign":"${rsa2Sign(text, key)}"}`;
}

/** The response object of a signed answer, or null when its signature does not verify. */
export function verifiedResponse(method: string, answer: string, key: KeyObject): Record<string, string> | null {
  const head = `{"${method.replaceAll('.', '_')}_response":`;
  const tail = answer.lastIndexOf(',"sign":"');
  if (!answer.startsWith(head) || tail < 0 || !answer.endsWith('"}')) return null;
  const text = answer.slice(head.length, tail);
  return rsa2Verify(text, answer.slice(tail + ',"sign":"'.length, -2), key) ? (JSON.parse(text) as Record<string, string>) : null;
}

/** Fen as Alipay's yuan string, by integer arithmetic. */
export const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
