import { AppError } from '@/server/errors/app-error';

/** The largest request body a door accepts: every app request and every channel callback is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The raw body's bytes, or null once it passes the limit: read as a stream and abandoned as soon as
 * it does (or at once when its Content-Length says so), so a huge body is never held in memory.
 */
export async function readBytesLimited(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array | null> {
  const declared = request.headers.get('content-length');
  if (declared && Number(declared) > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

/** The raw body as text, within the limit. The body is signed byte for byte, so a byte-order mark is kept. */
export async function readBodyLimited(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const bytes = await readBytesLimited(request, limit);
  if (!bytes) throw new AppError('PAYLOAD_TOO_LARGE', `The request body must be at most ${limit} bytes.`, { limit });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw AppError.invalidFields({ '(body)': 'must be UTF-8 text' });
  }
}
