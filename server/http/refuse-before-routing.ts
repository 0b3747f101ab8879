import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '@/server/errors/app-error';
import { requestIdFrom } from '@/server/lib/request-id';
import { refuseAtDoor } from './door-refusal';

/** The methods a Next route module can serve. Next answers any other token with an empty 400. */
const ROUTE_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Anyone reading it is a person who followed a broken link: one line each in the two languages of the UI. */
const MALFORMED_PAGE =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>链接无效 · Invalid link</title>' +
  '<body style="font-family:system-ui,sans-serif;text-align:center;padding:4rem 1rem"><h1>链接无效</h1><p>This link is not valid: it may have been cut short. Please open it again from where you found it.</p></body></html>';

/** Whether every percent-escape of a path decodes: Next fails matching one that does not, with a plain-text 500. */
function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Why a request is refused before routing (and the page a person gets), or null to leave it to Next. */
function refusal(method: string, pathname: string): { error: AppError; page: { html: string } | { text: string } } | null {
  if (!ROUTE_METHODS.includes(method)) {
    return { error: new AppError('METHOD_NOT_ALLOWED', `${method.slice(0, 32)} is not a method PayCenter serves.`, { allowed: ROUTE_METHODS }), page: { text: 'Method Not Allowed' } };
  }
  if (!pathDecodes(pathname)) return { error: AppError.invalidFields({ '(path)': 'must be valid percent-encoded UTF-8' }), page: { html: MALFORMED_PAGE } };
  // Next answers an empty segment with a 308 to the path without it; a signed request's path cannot change under it.
  if (pathname.includes('//')) return { error: AppError.invalidFields({ '(path)': 'must not contain an empty segment (//)' }), page: { text: 'Bad Request' } };
  return null;
}

/**
 * Answers, in its door's format, what Next would answer outside every door's format: a method no
 * route serves (PROPFIND, TRACE, …), a path whose percent-escapes do not decode, a doubled slash.
 * Runs in PayCenter's HTTP entry (scripts/serve.ts) before Next sees the request; nothing is read,
 * stored or looked up. Whether it answered: false leaves the request to Next.
 */
export function refuseBeforeRouting(incoming: IncomingMessage, outgoing: ServerResponse): boolean {
  const method = incoming.method ?? 'GET';
  const pathname = (incoming.url ?? '/').split('?')[0]!;
  const refused = refusal(method, pathname);
  if (!refused) return false;
  const requestId = requestIdFrom(new Headers(typeof incoming.headers['x-request-id'] === 'string' ? { 'x-request-id': incoming.headers['x-request-id'] } : {}));
  const answer = refuseAtDoor({ pathname, requestId, ...refused });
  void answer.text().then((body) => {
    outgoing.writeHead(answer.status, Object.fromEntries(answer.headers));
    outgoing.end(method === 'HEAD' ? undefined : body);
  });
  return true;
}
