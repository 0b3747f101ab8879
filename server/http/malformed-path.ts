import { AppError } from '@/server/errors/app-error';
import { requestIdFrom } from '@/server/logging/logger';
import { callbackChannel, callbackRefusal } from './callback-channel';
import { errorResponse } from './json-response';

/** Whether every percent-escape of a path decodes; Next fails matching one that does not (proxy.ts). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Anyone reading it is a person who followed a broken link: one line each in the two languages of the UI. */
const MALFORMED_PAGE =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>链接无效 · Invalid link</title>' +
  '<body style="font-family:system-ui,sans-serif;text-align:center;padding:4rem 1rem"><h1>链接无效</h1><p>This link is not valid: it may have been cut short. Please open it again from where you found it.</p></body></html>';

/**
 * The answer to a path whose percent-escapes do not decode, in the format of the door it was sent
 * to: the contract's 400 under /api, the channel's own "not accepted" for a callback, a page for
 * the rest (the hosted checkout, the dashboard). Nothing is read, stored or looked up.
 */
export function malformedPathResponse(request: Request): Response {
  const { pathname } = new URL(request.url);
  const callback = /^\/api\/channels\/([^/]+)\/notify\//.exec(pathname);
  const channel = callback ? callbackChannel(callback[1]!) : null;
  if (channel) return callbackRefusal(channel);
  if (pathname.startsWith('/api/')) {
    return errorResponse(AppError.invalidFields({ '(path)': 'must be valid percent-encoded UTF-8' }), requestIdFrom(request.headers));
  }
  return new Response(MALFORMED_PAGE, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
