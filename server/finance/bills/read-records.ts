// Bytes of one bill file -> its CSV records, streaming. Both channels write plain comma-separated lines
// without quoting (WeChat Pay prefixes each value with a backtick, Alipay pads with tabs), so quotes are
// ordinary characters, a record is a line (LF or CRLF) and its fields are what lies between commas.
// A general CSV parser (csv-parse, with quoting off) spent 70 % of a million-line bill's parse time in its
// per-character state machine and per-field buffers; splitting the lines is what it was doing for us.
// The encoding is read from the first bytes: a BOM or valid UTF-8 is UTF-8, anything else GBK, the
// encoding of Alipay's files.
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';

export interface BillRecord {
  /** 1-based line of the file. */
  line: number;
  fields: string[];
}

const SAMPLE_BYTES = 64 * 1024;

function encodingOf(sample: Buffer): 'utf8' | 'gbk' {
  if (sample.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return 'utf8';
  try {
    // stream: a character cut at the sample's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf8';
  } catch {
    return 'gbk';
  }
}

async function* decoded(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const chunks = bytes[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < SAMPLE_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
  }
  const decoder = iconv.getDecoder(encodingOf(Buffer.concat(head)));
  for (const chunk of head) yield decoder.write(chunk);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield decoder.write(next.value);
  const rest = decoder.end();
  if (rest) yield rest;
}

function recordOf(text: string, line: number): BillRecord | null {
  const fields = (text.endsWith('\r') ? text.slice(0, -1) : text).split(',');
  return fields.length > 1 || (fields[0] ?? '').trim() !== '' ? { line, fields } : null;
}

/**
 * The file's non-blank lines as records; an error of the source (a truncated gzip...) ends the iteration
 * with it. A line cut between two chunks (a CRLF split in its middle too) is joined before it is read.
 */
export async function* readRecords(bytes: Readable): AsyncGenerator<BillRecord> {
  let line = 0;
  let rest = '';
  for await (const text of decoded(bytes)) {
    const lines = (rest + text).split('\n');
    rest = lines.pop() ?? '';
    for (const each of lines) {
      const record = recordOf(each, (line += 1));
      if (record) yield record;
    }
  }
  const last = rest === '' ? null : recordOf(rest, line + 1);
  if (last) yield last;
}
