import type { AppError } from '@/server/errors/app-error';
import { callbackChannel, callbackRefusal } from './callback-channel';
import { errorResponse } from './json-response';

/**
 * A request refused before any route reads it, answered in the format of the door it was sent to:
 * the channel's own "not accepted" for a callback, the contract's error shape under /api, and for
 * the rest (the hosted checkout, the dashboard) `page` with the error's status.
 */
export function refuseAtDoor(options: { pathname: string; requestId: string; error: AppError; page: { html: string } | { text: string } }): Response {
  const callback = /^\/api\/channels\/([^/]+)\/notify\//.exec(options.pathname);
  const channel = callback ? callbackChannel(callback[1]!) : null;
  if (channel) return callbackRefusal(channel);
  if (options.pathname.startsWith('/api/')) return errorResponse(options.error, options.requestId);
  const [body, type] = 'html' in options.page ? [options.page.html, 'text/html'] : [options.page.text, 'text/plain'];
  return new Response(body, { status: options.error.status, headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' } });
}
