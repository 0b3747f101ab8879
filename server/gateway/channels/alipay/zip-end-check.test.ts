import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ZipEndCheck } from './zip-end-check';

// An empty archive is its end record alone; ONE is Python's zipfile writing "a.csv" = "x", stored.
const EMPTY = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
const ONE = Buffer.from(
  '504b03041400000000000000865d8316dc8c010000000100000005000000612e63737678' +
    '504b010214031400000000000000865d8316dc8c0100000001000000050000000000000000000000800100000000612e637376' +
    '504b0506000000000100010033000000240000000000',
  'hex',
);

async function check(bytes: Buffer): Promise<Buffer | unknown> {
  const verifying = new ZipEndCheck();
  try {
    const [, out] = await Promise.all([pipeline(Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]), verifying), buffer(verifying)]);
    return out;
  } catch (error) {
    return error;
  }
}

describe('ZipEndCheck', () => {
  it('passes a complete archive through unchanged', async () => {
    expect(await check(EMPTY)).toEqual(EMPTY);
    expect(await check(ONE)).toEqual(ONE);
  });

  it('refuses an archive cut short, not retryable', async () => {
    for (const cut of [ONE.subarray(0, ONE.length - 1), ONE.subarray(0, 40), Buffer.from('<html>502</html>')]) {
      expect(await check(cut)).toMatchObject({ channelCode: 'BILL_CORRUPT', retryable: false });
    }
  });
});
