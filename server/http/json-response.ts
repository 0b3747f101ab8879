import { errorBody, type AppError } from '@/server/errors/app-error';

/** An app API answer: JSON, never cached, carrying the request id for support. */
export function jsonResponse(status: number, body: unknown, requestId: string): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestId },
  });
}

/** The contract's error shape `{ error: { code, message, details? } }` with the code's status. */
export function errorResponse(error: AppError, requestId: string): Response {
  return jsonResponse(error.status, errorBody(error), requestId);
}
