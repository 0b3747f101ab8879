import { AppError } from '@/server/errors/app-error';

/** The largest request body the app API accepts; every request of the contract is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (limit: number) => AppError.invalidFields({ '(body)': `must be at most ${limit} bytes` });

/**
 * The raw body as text, read as a stream and abandoned as soon as it passes the limit, so a huge
 * body is never held in memory. The body is signed byte for byte, so a byte-order mark is kept.
 */
export async function readBodyLimited(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(chunk.value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
  } catch {
    throw AppError.invalidFields({ '(body)': 'must be UTF-8 text' });
  }
}
