// Channel callbacks (Alipay async notify, WeChat Pay notifications, EasyPay notify), one URL per payment ID.
import { AppError } from '@/server/errors/app-error';
import { receiveNotification } from '@/server/core/notifications/receive-notification';
import { callbackChannel, callbackRefusal } from '@/server/http/callback-channel';
import { carriesNul } from '@/server/http/control-characters';
import { errorResponse } from '@/server/http/json-response';
import { readBytesLimited } from '@/server/http/read-body';
import { logger } from '@/server/logging/logger';
import { requestIdFrom } from '@/server/lib/request-id';

export const dynamic = 'force-dynamic';

async function handle(request: Request, context: { params: Promise<{ channel: string; paymentId: string }> }): Promise<Response> {
  const { channel: name, paymentId } = await context.params;
  const channel = callbackChannel(name);
  // No channel to speak for: the API's own answer.
  if (!channel) return errorResponse(new AppError('NOT_FOUND', 'No such channel.'), requestIdFrom(request.headers));
  const bytes = await readBytesLimited(request);
  // Channel callbacks are small; anything bigger is not one.
  if (!bytes) return callbackRefusal(channel, 413);
  // Decoded as request.text() would: a body that is not UTF-8 is still stored, and then fails verification.
  const body = new TextDecoder().decode(bytes);
  const url = new URL(request.url);
  if ([paymentId, url.search, body].some(carriesNul)) {
    // Not a genuine callback, and not storable: refused in the channel's own words, before anything is stored.
    logger().warn({ channel, paymentId }, 'channel callback with a NUL character refused');
    return callbackRefusal(channel);
  }
  try {
    const answer = await receiveNotification({ channel, paymentId, method: request.method, headers: Object.fromEntries(request.headers), query: url.search.replace(/^\?/, ''), body });
    // A channel's acknowledgement is a few bytes: compressing it is pure cost (no-transform turns Next's gzip off).
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType, 'cache-control': 'no-store, no-transform' } });
  } catch (error) {
    // Stored but not processed: the channel's "not accepted", with a 5XX for our own failure, makes it send it again.
    logger().error({ err: error, channel, paymentId }, 'channel callback processing failed');
    return callbackRefusal(channel, 500);
  }
}

/** Channels call with GET or POST only; any other method is refused in the channel's words, or the API's when the path names none. */
async function refuseMethod(request: Request, context: { params: Promise<{ channel: string }> }): Promise<Response> {
  const channel = callbackChannel((await context.params).channel);
  if (channel) return callbackRefusal(channel, 405);
  return errorResponse(new AppError('METHOD_NOT_ALLOWED', `${request.method} is not allowed here; use GET or POST.`), requestIdFrom(request.headers));
}

export { handle as GET, handle as POST, refuseMethod as PUT, refuseMethod as PATCH, refuseMethod as DELETE };
