// Bytes of one bill file -> its CSV records, streaming. Both channels write plain comma-separated lines
// without quoting (WeChat Pay prefixes each value with a backtick, Alipay pads with tabs), so quotes are
// ordinary characters here. The encoding is read from the first bytes: a BOM or valid UTF-8 is UTF-8,
// anything else GBK, the encoding of Alipay's files.
import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
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

/**
 * The file's non-blank lines as records; an error of the source (a truncated gzip...) ends the iteration
 * with it. Without quoting a record is one line, so counting records counts lines.
 */
export async function* readRecords(bytes: Readable): AsyncGenerator<BillRecord> {
  const parser = parse({ delimiter: ',', quote: false, relax_column_count: true });
  pipeline(Readable.from(decoded(bytes)), parser, () => {
    // Errors reach the reader through the parser, which pipeline destroys with them.
  });
  let line = 0;
  for await (const fields of parser as AsyncIterable<string[]>) {
    line += 1;
    if (fields.length > 1 || (fields[0] ?? '').trim() !== '') yield { line, fields };
  }
}
