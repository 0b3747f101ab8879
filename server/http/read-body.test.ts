import { describe, expect, it } from 'vitest';
import { readBodyLimited, readBytesLimited } from './read-body';

/** A request whose body arrives in chunks and declares no length, as a chunked upload does. */
function streamed(chunks: Uint8Array[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readBytesLimited', () => {
  it('answers the bytes up to the limit, and null past it whether declared or streamed', async () => {
    expect(new TextDecoder().decode((await readBytesLimited(new Request('http://localhost/x', { method: 'POST', body: 'abc' }), 3))!)).toBe('abc');
    expect(await readBytesLimited(new Request('http://localhost/x', { method: 'POST', body: 'abcd', headers: { 'content-length': '4' } }), 3)).toBeNull();
    expect(await readBytesLimited(streamed([new Uint8Array(2), new Uint8Array(2)]), 3)).toBeNull();
    expect((await readBytesLimited(new Request('http://localhost/x'), 3))?.byteLength).toBe(0);
  });
});

describe('readBodyLimited', () => {
  it('keeps a byte-order mark, and refuses a body too large or not UTF-8', async () => {
    expect(await readBodyLimited(streamed([new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])]))).toBe('\uFEFF{}');
    await expect(readBodyLimited(streamed([new Uint8Array(4)]), 3)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, details: { limit: 3 } });
    await expect(readBodyLimited(streamed([new Uint8Array([0xff, 0xfe])]))).rejects.toMatchObject({ details: { fields: { '(body)': 'must be UTF-8 text' } } });
  });
});
