// PayCenter's signatures (api-contract.md): the one implementation that the server's checks and the
// app-side SDK share. It needs nothing but node:crypto, because the SDK is published on its own.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface RequestToSign {
  method: string;
  /** The path and query exactly as sent, e.g. `/api/v1/payments?orderNo=A1`. */
  pathWithQuery: string;
  /** The X-PayCenter-Timestamp header value as sent. */
  timestamp: string;
  nonce: string;
  /** The exact request body; empty for GET. */
  rawBody: string;
}

/** The string an app signs (api-contract.md, "Authentication of app requests"). */
export function canonicalRequest(parts: RequestToSign): string {
  return `${parts.method.toUpperCase()}\n${parts.pathWithQuery}\n${parts.timestamp}\n${parts.nonce}\n${parts.rawBody}\n`;
}

/** Lowercase hex HMAC-SHA256 under an app secret, over the UTF-8 bytes: requests and webhooks alike. */
export function hmacSha256Hex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/** The X-PayCenter-Signature of a request: `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nRAW_BODY\n`, HMAC-SHA256 in lowercase hex. */
export function signRequest(options: RequestToSign & { secret: string }): string {
  return hmacSha256Hex(options.secret, canonicalRequest(options));
}

/** Compares two signatures in time independent of where they differ, so timing reveals nothing. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
