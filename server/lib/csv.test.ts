import { describe, expect, it } from 'vitest';
import { csvLines, csvStream, spreadsheetText } from './csv';

describe('spreadsheetText', () => {
  it('keeps a cell Excel would run as a formula as text, and leaves others alone', () => {
    for (const formula of ['=1+1', '+86 10', '-2', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetText(formula)).toBe(`'${formula}`);
    expect(spreadsheetText('FEE-1=2')).toBe('FEE-1=2');
    expect(spreadsheetText(null)).toBe('');
  });
});

describe('csvStream', () => {
  const decoder = new TextDecoder();

  it('writes the BOM and the header, then one batch per read: nothing is queried before the reader asks', async () => {
    let reads = 0;
    let ended = false;
    async function* batches() {
      try {
        for (;;) {
          reads++;
          yield [[`row ${reads}`, 'a,"b"']];
        }
      } finally {
        ended = true;
      }
    }
    const reader = csvStream(['名称', 'value'], batches()).getReader();
    const header = (await reader.read()).value!;
    expect([...header.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decoder.decode(header.subarray(3))).toBe('名称,value\r\n');
    expect(decoder.decode((await reader.read()).value)).toBe('row 1,"a,""b"""\r\n');
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The stream keeps at most one chunk ahead of its reader.
    expect(reads).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(ended).toBe(true);
  });

  it('ends when the batches do', async () => {
    async function* two() {
      yield [['1']];
      yield [['2']];
    }
    const text = await new Response(csvStream(['n'], two())).text();
    expect(text).toBe('n\r\n1\r\n2\r\n');
    expect(csvLines([['a']], { bom: true })).toBe('\uFEFFa\r\n');
  });
});
