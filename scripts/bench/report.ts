// The results table printed at the end of a run; the same rows go to bench-results/bench.json.

export interface ResultRow {
  group: 'cpu' | 'http' | 'two-instances' | 'memory' | 'reconciliation' | 'analytics';
  case: string;
  /** What the case is compared with, measured in the same run. */
  baselineCase: string;
  baseline: string;
  measured: string;
  /** measured / baseline: cost ratio for CPU, latency and memory; throughput ratio for HTTP cases and reconciliation lines/s. */
  ratio: number;
  p50Ms?: number;
  p95Ms?: number;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** A plain-text table: `columns` name the header and say which are right-aligned (numbers). */
export function textTable(columns: readonly { title: string; right?: boolean }[], cells: readonly string[][]): string {
  const widths = columns.map((column, index) => Math.max(column.title.length, ...cells.map((line) => line[index]!.length)));
  const line = (values: readonly string[]) => values.map((value, index) => pad(value, widths[index]!, columns[index]!.right)).join(' | ');
  return [line(columns.map((column) => column.title)), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line)].join('\n');
}

export function formatTable(rows: readonly ResultRow[]): string {
  const columns = [{ title: 'case' }, { title: 'baseline' }, { title: 'measured' }, ...['ratio', 'p50', 'p95'].map((title) => ({ title, right: true }))];
  const cells = rows.map((row) => [
    row.case,
    row.baseline,
    row.measured,
    `${row.ratio.toFixed(2)}x`,
    row.p50Ms === undefined ? '' : `${row.p50Ms.toFixed(2)} ms`,
    row.p95Ms === undefined ? '' : `${row.p95Ms.toFixed(2)} ms`,
  ]);
  return textTable(columns, cells);
}

export const microseconds = (ns: number) => `${(ns / 1000).toFixed(2)} µs/op`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
export const perSecond = (value: number) => `${value.toFixed(1)} req/s`;
