// Bill files for tests: the genuine fixtures, and the channels' other deliveries of the same content
// (GBK, BOM, CRLF, gzip, ZIP) built from them, written to a temporary folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { billArchive } from '@/server/sandbox/alipay/bill/bill-archive';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const fixturePath = (name: string): string => join(FIXTURES, name);
export const gbk = (text: string): Buffer => iconv.encode(text, 'gbk');
export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
export const withBom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** A ZIP of GBK CSV files as Alipay serves it, written by the simulator's own archive writer. */
export const alipayZip = (files: ReadonlyArray<{ name: string; text: string }>): Promise<Buffer> => billArchive(files, new Date('2019-09-17T05:46:49+08:00'));

/** A temporary folder for one test file's bills; `remove` in afterAll. */
export function billFolder(): { write(name: string, content: Buffer | string): string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'bills-'));
  return {
    write(name, content) {
      const path = join(folder, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
