import { errorBody, type AppError } from '@/server/errors/app-error';

/**
 * Below this, an answer goes out as it is: gzip saves a few hundred bytes of a payment's JSON and
 * costs the server more CPU than the rest of a lookup's own work (docs/benchmarks.md, "Profile").
 */
const COMPRESS_FROM_CHARACTERS = 4096;

/** An app API answer: JSON, never cached, carrying the request id for support; small ones never compressed. */
export function jsonResponse(status: number, body: unknown, requestId: string): Response {
  const text = status === 204 ? null : JSON.stringify(body);
  // no-transform is what Next's compression (and any proxy) honours.
  const cacheControl = text !== null && text.length >= COMPRESS_FROM_CHARACTERS ? 'no-store' : 'no-store, no-transform';
  return new Response(text, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': cacheControl, 'x-request-id': requestId },
  });
}

/** The contract's error shape `{ error: { code, message, details? } }` with the code's status. */
export function errorResponse(error: AppError, requestId: string): Response {
  return jsonResponse(error.status, errorBody(error), requestId);
}
