import { AppError } from '@/server/errors/app-error';
import { requestIdFrom } from '@/server/lib/request-id';
import { refuseAtDoor } from './door-refusal';

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

/** The answer to a path whose percent-escapes do not decode. Nothing is read, stored or looked up. */
export function malformedPathResponse(request: Request): Response {
  return refuseAtDoor({
    pathname: new URL(request.url).pathname,
    requestId: requestIdFrom(request.headers),
    error: AppError.invalidFields({ '(path)': 'must be valid percent-encoded UTF-8' }),
    page: { html: MALFORMED_PAGE },
  });
}
