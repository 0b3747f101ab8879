// The GET of a bill file, shared by the plugins: the body is handed on as a stream of the bytes exactly
// as served (a bill can be tens of MB), with the name and type the channel declared.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ChannelError } from './channel-error';
import type { ChannelBillFile } from './types';

/** Generous, for the whole body of a large file (API calls get 10 s). */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/** The file name of `Content-Disposition: attachment; filename="…"` (or filename*=UTF-8''…), if any. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header);
  if (extended) return decodeURIComponent(extended[1]!.trim());
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  return (plain?.[1] ?? plain?.[2])?.trim() || null;
}

/**
 * Opens a bill file for reading. Failures before the body are ChannelErrors: the network and the
 * channel's 5xx/429 may pass (retryable: the next attempt asks for a fresh link too), other refusals not.
 */
export async function fetchBillFile(options: { url: string; headers?: Record<string, string>; packing: ChannelBillFile['packing'] }): Promise<Omit<ChannelBillFile, 'declaredHash'>> {
  let response: Response;
  try {
    // A redirect must not carry a signed Authorization elsewhere; an unsigned link may move to its storage.
    const redirect = options.headers?.Authorization ? 'manual' : 'follow';
    response = await fetch(options.url, { headers: options.headers, redirect, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new ChannelError({ channelCode: 'BILL_DOWNLOAD_FAILED', channelMessage: error instanceof Error ? error.message.slice(0, 300) : String(error), retryable: true, cause: error });
  }
  if (response.status !== 200 || !response.body) {
    const text = (await response.text().catch(() => '')).slice(0, 300);
    const status = response.status;
    throw new ChannelError({ channelCode: `BILL_DOWNLOAD_HTTP_${status}`, channelMessage: `The bill download answered HTTP ${status}: ${text}`, retryable: status >= 500 || status === 429, raw: text });
  }
  return {
    content: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
    packing: options.packing,
    fileName: dispositionFileName(response.headers.get('content-disposition')),
    contentType: response.headers.get('content-type'),
  };
}
