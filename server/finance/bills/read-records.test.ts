import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readRecords } from './read-records';

async function recordsOf(chunks: Buffer[]) {
  const records = [];
  for await (const record of readRecords(Readable.from(chunks))) records.push(record);
  return records;
}

describe('readRecords', () => {
  it('joins a line cut between two chunks, its CRLF and a GBK character cut in their middle too', async () => {
    const bytes = iconv.encode('#支付宝业务明细查询\r\n交易,0.01\r\n退款,-0.01\r\n', 'gbk');
    const cr = bytes.indexOf(0x0d);
    const inCharacter = bytes.indexOf(iconv.encode('退', 'gbk')) + 1;
    const records = await recordsOf([bytes.subarray(0, cr + 1), bytes.subarray(cr + 1, inCharacter), bytes.subarray(inCharacter)]);
    expect(records).toEqual([
      { line: 1, fields: ['#支付宝业务明细查询'] },
      { line: 2, fields: ['交易', '0.01'] },
      { line: 3, fields: ['退款', '-0.01'] },
    ]);
  });

  it('skips blank lines, keeps counting them, and reads a last line without its newline', async () => {
    expect(await recordsOf([Buffer.from('\ufeffa,b\n\n  \r\n,\nc,d')])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['', ''] },
      { line: 5, fields: ['c', 'd'] },
    ]);
  });
});
