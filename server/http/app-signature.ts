import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CanonicalRequestParts {
  method: string;
  /** The path and query exactly as sent, e.g. `/api/v1/payments?orderNo=A1`. */
  pathWithQuery: string;
  /** The X-PayCenter-Timestamp header value as sent. */
  timestamp: string;
  nonce: string;
  /** The exact request body; empty for GET. */
  body: string;
}

/** The string an app signs (api-contract.md, "Authentication of app requests"). */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return `${parts.method.toUpperCase()}\n${parts.pathWithQuery}\n${parts.timestamp}\n${parts.nonce}\n${parts.body}\n`;
}

/** Lowercase hex HMAC-SHA256 of the canonical string under the app secret. */
export function signAppRequest(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

/** Compares two signatures in time independent of where they differ, so timing reveals nothing. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
