// The bill as Alipay serves it: a ZIP (deflate) of the CSV files, their text in GBK. GBK lacks a few
// characters; iconv-lite writes those as "?", as Alipay's own exports do.
import iconv from 'iconv-lite';
import yazl from 'yazl';
import type { BillFile } from './trade-bill';

export async function billArchive(files: readonly BillFile[], modified: Date): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const file of files) archive.addBuffer(iconv.encode(file.text, 'gbk'), file.name, { mtime: modified });
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
