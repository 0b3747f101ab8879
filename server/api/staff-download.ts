// The door kit of the dashboard's file downloads (a day's discrepancies as CSV, a raw bill, the payments
// list's exports): plain GET routes the browser follows, signed in with the dashboard's session. Bad
// input, no session or no access answer the contract's error shape, never a 500: a service checks all
// of them before a streamed file's first byte.
import type { z } from 'zod';
import { currentUser, type SessionUser } from '@/server/auth/current-user';
import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { AppError, toAppError } from '@/server/errors/app-error';
import { controlCharacterParams, refuseControlCharacters } from '@/server/http/control-characters';
import { errorResponse } from '@/server/http/json-response';
import { clientIp } from '@/server/lib/client-ip';
import { requestLogger } from '@/server/logging/logger';
import { requestIdFrom } from '@/server/lib/request-id';
import { actorOf } from './actor';

export interface DownloadFile {
  fileName: string;
  contentType: string;
  /** The whole file, or a stream of it (sent as it comes, without a Content-Length). */
  content: Buffer | ReadableStream<Uint8Array>;
  /** The rows a streamed file holds as it starts, sent as X-Total-Count so the browser can show progress. */
  totalRows?: number;
}

type Serve<I> = (options: { actor: Actor; input: I; request: RequestMeta }) => Promise<DownloadFile>;

/** RFC 6266: an ASCII fallback name and the real (often Chinese) one, UTF-8 encoded. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The answer to one download request by `user` (null: not signed in); the query string is the input. */
export async function downloadResponse<S extends z.ZodType>(request: Request, user: SessionUser | null, schema: S, serve: Serve<z.infer<S>>): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  try {
    if (!user) throw new AppError('UNAUTHENTICATED');
    const { searchParams } = new URL(request.url);
    refuseControlCharacters(controlCharacterParams(searchParams));
    const input = schema.parse(Object.fromEntries(searchParams));
    const file = await serve({ actor: actorOf(user), input, request: { requestId, ip: clientIp(request.headers), userAgent: request.headers.get('user-agent') } });
    const { content } = file;
    const streamed = content instanceof ReadableStream;
    return new Response(streamed ? content : new Uint8Array(content), {
      headers: {
        'content-type': file.contentType,
        'content-disposition': attachment(file.fileName),
        ...(streamed ? {} : { 'content-length': String(content.length) }),
        ...(file.totalRows === undefined ? {} : { 'x-total-count': String(file.totalRows) }),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'x-request-id': requestId,
      },
    });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL_ERROR') requestLogger(requestId).error({ err: error, path: new URL(request.url).pathname }, 'download failed');
    return errorResponse(appError, requestId);
  }
}

/** A GET route handler serving one file to the signed-in staff member. */
export function staffDownload<S extends z.ZodType>(schema: S, serve: Serve<z.infer<S>>): (request: Request) => Promise<Response> {
  return async (request) => downloadResponse(request, (await currentUser()).user, schema, serve);
}
