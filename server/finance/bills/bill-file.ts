// A bill file as the channel delivers it -> the byte streams of the bill texts inside: a ZIP's CSV
// entries (read from the central directory, so a truncated archive is refused before any row), a
// gzip's one text, or the plain text itself. The container is recognised from its first bytes.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { billError } from './bill-error';

export interface BillPart {
  /** The entry's name inside a ZIP, else the file's path. */
  name: string;
  open(): Promise<Readable>;
}

export interface BillFile {
  container: 'zip' | 'gzip' | 'text';
  parts: BillPart[];
  close(): void;
}

const UTF8_NAMES = 0x800;

/** Where a bill's bytes are: a file (the CLI), or in memory (a bill kept in the database). */
export type BillSource = { path: string } | { bytes: Buffer };

async function firstBytes(source: BillSource): Promise<Buffer> {
  if ('bytes' in source) return source.bytes.subarray(0, 4);
  const file = await open(source.path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Alipay writes entry names in GBK without the UTF-8 flag; other writers set the flag. */
function entryName(entry: yauzl.Entry): string {
  return (entry.generalPurposeBitFlag & UTF8_NAMES) !== 0 ? entry.fileNameRaw.toString('utf8') : iconv.decode(entry.fileNameRaw, 'gbk');
}

const damagedZip = (error: Error) => billError(`the ZIP archive is truncated or damaged (${error.message})`);

async function openZip(source: BillSource): Promise<BillFile> {
  const options = { lazyEntries: true, autoClose: false };
  const zip = await ('bytes' in source ? yauzl.fromBufferPromise(source.bytes, options) : yauzl.openPromise(source.path, options)).catch((error: Error) => {
    throw damagedZip(error);
  });
  const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) found.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(found));
    zip.once('error', (error: Error) => reject(damagedZip(error)));
    zip.readEntry();
  });
  const openEntry = (entry: yauzl.Entry) =>
    new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(damagedZip(error)) : resolve(stream))));
  return { container: 'zip', parts: entries.map((entry) => ({ name: entryName(entry), open: () => openEntry(entry) })), close: () => zip.close() };
}

function readStream(source: BillSource): Readable {
  return 'bytes' in source ? Readable.from([source.bytes]) : createReadStream(source.path);
}

export async function openBillFile(source: BillSource): Promise<BillFile> {
  const name = 'bytes' in source ? 'bill' : source.path;
  const magic = await firstBytes(source);
  if (magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || magic.equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) return openZip(source);
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    const gunzipped = async () =>
      pipeline(readStream(source), createGunzip(), () => {
        // A truncated or damaged gzip fails the gunzip stream, and so the reading of the bill.
      });
    return { container: 'gzip', parts: [{ name, open: gunzipped }], close: () => undefined };
  }
  return { container: 'text', parts: [{ name, open: async () => readStream(source) }], close: () => undefined };
}
