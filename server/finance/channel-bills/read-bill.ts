// A bill as the gateway hands it over, turned into what is stored: the bytes exactly as downloaded with
// their SHA1 and size, or why there are none. Nothing counts as downloaded unless the stream ended
// without error, i.e. after the channel's declared hash was checked (server/gateway/types.ts).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { BILL_NOT_READY, ChannelError } from '@/server/gateway/channel-error';
import type { ChannelBillFile, DownloadedBill } from '@/server/gateway/types';

/**
 * Bills are kept in the database (bytea): every server instance reads the same file, and a day's bill
 * of one channel account is at most tens of MB (a million WeChat rows gzip to about that). PostgreSQL
 * returns bytea as hex text, twice the size, which must stay well under V8's string limit (~512 MB).
 * Beyond this, stream to object storage (keyed by SHA1) and keep only the key here.
 */
export const MAX_BILL_BYTES = 100 * 1024 * 1024;

export interface StoredBytes {
  content: Buffer<ArrayBuffer>;
  sha1: string;
  sizeBytes: number;
  fileName: string | null;
  contentType: string | null;
  packing: ChannelBillFile['packing'];
  declaredSha1: string | null;
}

export type BillOutcome =
  | { status: 'DOWNLOADED'; empty: boolean; file: StoredBytes | null }
  | { status: 'NOT_READY' | 'FAILED'; failureCode: string; failureMessage: string; retryable: boolean; file: StoredBytes | null };

/** Every byte of the stream, and the error that ended it early if one did (the bytes read are kept). */
async function drain(content: Readable): Promise<{ bytes: Buffer<ArrayBuffer>; error: unknown }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of content as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BILL_BYTES) {
        content.destroy();
        throw new ChannelError({ channelCode: 'BILL_TOO_LARGE', channelMessage: `The bill is over ${MAX_BILL_BYTES} bytes`, retryable: false });
      }
      chunks.push(chunk);
    }
    return { bytes: Buffer.concat(chunks), error: null };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error };
  }
}

export function failureOf(error: ChannelError, file: StoredBytes | null = null): BillOutcome {
  const status = error.channelCode === BILL_NOT_READY ? 'NOT_READY' : 'FAILED';
  return { status, failureCode: error.channelCode, failureMessage: error.channelMessage, retryable: error.retryable, file };
}

/** Reads a downloaded bill to its end; a file that fails its check is kept, as FAILED, to be looked at. */
export async function readBill(bill: DownloadedBill): Promise<BillOutcome> {
  if (bill.kind === 'EMPTY') return { status: 'DOWNLOADED', empty: true, file: null };
  const { content, fileName, contentType, packing, declaredHash } = bill.file;
  const { bytes, error } = await drain(content);
  const file: StoredBytes = {
    content: bytes,
    sha1: createHash('sha1').update(bytes).digest('hex'),
    sizeBytes: bytes.length,
    fileName,
    contentType,
    packing,
    declaredSha1: declaredHash?.value ?? null,
  };
  if (error === null) return { status: 'DOWNLOADED', empty: false, file };
  if (error instanceof ChannelError) return failureOf(error, file);
  throw error;
}
