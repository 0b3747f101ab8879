import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GunzippedSha1Check } from './bill-hash';

const bill = '交易时间,公众账号ID,商户号\r\n`2026-12-06 10:11:12,`wx8888888888888888,`1900000109\r\n'.repeat(2000);
const gzipped = gzipSync(Buffer.from(bill, 'utf8'));
const sha1 = createHash('sha1').update(bill, 'utf8').digest('hex');

/** The bytes that came out of the check, or the error it ended with. */
async function check(bytes: Buffer, expected: string): Promise<Buffer | unknown> {
  // Small chunks, as a network delivers them.
  const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) => bytes.subarray(i * 1000, (i + 1) * 1000));
  const verifying = new GunzippedSha1Check(expected);
  try {
    const [, out] = await Promise.all([pipeline(Readable.from(chunks), verifying), buffer(verifying)]);
    return out;
  } catch (error) {
    return error;
  }
}

describe('GunzippedSha1Check', () => {
  it('passes the gzip bytes through unchanged when the unpacked bill has the declared SHA1 (any hex case)', async () => {
    expect(await check(gzipped, sha1)).toEqual(gzipped);
    expect(await check(gzipped, sha1.toUpperCase())).toEqual(gzipped);
  });

  it('fails, not retryable and naming both hashes, when the bill differs', async () => {
    const other = gzipSync(Buffer.from(bill.replace('1900000109', '1900000108'), 'utf8'));
    const error = await check(other, sha1);
    expect(error).toMatchObject({ channelCode: 'BILL_HASH_MISMATCH', retryable: false });
    expect((error as Error).message).toContain(sha1);
    // The SHA1 of the gzip bytes themselves is not WeChat's hash_value.
    expect(await check(gzipped, createHash('sha1').update(gzipped).digest('hex'))).toMatchObject({ channelCode: 'BILL_HASH_MISMATCH' });
  });

  it('fails as BILL_CORRUPT when the gzip is cut short or is not gzip', async () => {
    expect(await check(gzipped.subarray(0, gzipped.length - 20), sha1)).toMatchObject({ channelCode: 'BILL_CORRUPT', retryable: false });
    expect(await check(Buffer.from(bill, 'utf8'), sha1)).toMatchObject({ channelCode: 'BILL_CORRUPT', retryable: false });
  });
});
