// `npm run --silent bill:parse -- <file>` as finance staff run it: the script itself, spawned.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizeBill } from '@/server/finance/bills/parse-bill';
import { alipayZip, billFolder, fixturePath, fixtureText } from '@/server/finance/bills/testing/bill-files';

const run = promisify(execFile);
const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const SCRIPT = join(import.meta.dirname, 'bill-parse.ts');
const folder = billFolder();
afterAll(() => folder.remove());

async function billParse(path: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    return { code: 0, ...(await run(TSX, [SCRIPT, path])) };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bill:parse', () => {
  it.each([
    ['a WeChat Pay trade bill', () => fixturePath('wechatpay-trade-all.csv')],
    ['a WeChat Pay bill in the older layout', () => fixturePath('wechatpay-trade-all-old-layout.csv')],
    ['a WeChat Pay v2 SUCCESS bill with BOM and CRLF', () => fixturePath('wechatpay-trade-success-v2-bom.csv')],
    ['a WeChat Pay v2 fund-flow bill', () => fixturePath('wechatpay-fundflow-v2-doc-excerpt.csv')],
    ['a gzipped WeChat Pay bill', () => folder.write('bill.gz', gzipSync(fixtureText('wechatpay-trade-all.csv')))],
    ['an Alipay ZIP of GBK CSV', async () => folder.write('bill.csv.zip', await alipayZip([{ name: '业务明细.csv', text: fixtureText('alipay-trade-detail.csv') }]))],
  ])('prints one JSON object for %s, the parser\'s report', { timeout: 30_000 }, async (name, file) => {
    const path = await file();
    const { code, stdout, stderr } = await billParse(path);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual(await summarizeBill({ path }));
  });

  it('prints the Alipay bill of the contract\'s example', { timeout: 30_000 }, async () => {
    const { stdout } = await billParse(fixturePath('alipay-trade-detail.csv'));
    expect(JSON.parse(stdout)).toMatchObject({ channel: 'alipay', billType: 'trade', rows: 10, payments: { count: 6, amount: 6 }, refunds: { count: 4, amount: 4 }, consistent: true });
  });

  it.each([
    ['a file that is not a bill', () => folder.write('notes.txt', 'name,amount\nrent,10.00\n'), /not a bill/],
    ['a truncated gzip', () => folder.write('cut.gz', gzipSync(fixtureText('wechatpay-trade-all.csv')).subarray(0, 150)), /compressed data \(gzip, or a ZIP entry\) is truncated/],
    ['a missing file', () => join(folder.write('x', ''), '..', 'absent.csv'), /absent\.csv/],
  ])('exits non-zero with one line on stderr for %s', { timeout: 30_000 }, async (name, file, message) => {
    const { code, stdout, stderr } = await billParse(file());
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
