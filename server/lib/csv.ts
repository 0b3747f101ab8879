// CSV for Excel, as the dashboard's and the apps' downloads write it: UTF-8 with a BOM (so a Chinese
// Excel reads it as UTF-8, not GBK), CRLF line ends, fields quoted by csv-stringify when they need it.
import { stringify } from 'csv-stringify/sync';

/** Excel runs a cell starting with these as a formula: free text is data, so it is kept as text. */
export function spreadsheetText(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows as CSV lines; `bom` for the start of a file. */
export function csvLines(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  return stringify(rows as string[][], { bom: options.bom ?? false, record_delimiter: 'windows' });
}

/**
 * A CSV file streamed batch by batch: the header row (with the BOM) first, then one batch of rows each
 * time the reader has taken the previous chunk, so a slow client holds back the queries instead of the
 * server buffering the file. Cancelling (the client went away) ends the batches' generator.
 */
export function csvStream(header: readonly string[], batches: AsyncIterable<readonly (readonly string[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLines([header], { bom: true })));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
