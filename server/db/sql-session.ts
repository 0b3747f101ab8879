// A connection of its own for set-based work that Prisma does not express: COPY FROM STDIN into
// temporary tables and plain SQL over them, in one transaction. Opened per use and closed after, so
// its temporary tables and settings never leak into Prisma's pool.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg, { type QueryResultRow } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { databaseUrl } from './client';

export interface SqlSession {
  /** Rows of one statement, `$1`… bound to `values`; bigint and numeric columns arrive as strings. */
  query<Row extends QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Streams COPY text-format lines (values through `copyText`) into `COPY … FROM STDIN`; an error of `lines` aborts the COPY with it. */
  copyIn(statement: string, lines: AsyncIterable<string>): Promise<void>;
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A text as one COPY text-format value: backslash, tab and line ends escaped. Tested first and replaced
 * only when needed: a million-line bill has eleven million values and almost none to escape.
 */
export function copyText(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (char) => ESCAPES[char] ?? char) : text;
}

/**
 * Runs `work` in one REPEATABLE READ transaction on a fresh connection (one snapshot for every statement):
 * committed when it returns, rolled back when it throws; the connection is closed either way.
 */
export async function inSqlTransaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  // A connection lost between two statements fails the next one, which reports it; unheard, the
  // client's 'error' event would end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    // Room in the server's memory, for this connection only, so that a million-row temporary table and
    // the joins and sorts over it stay off the disk (temp_buffers must be set before a temporary table is used).
    await client.query("SET temp_buffers = '256MB'");
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await client.query("SET LOCAL work_mem = '128MB'");
    const session: SqlSession = {
      query: async <Row extends QueryResultRow>(text: string, values?: unknown[]) => (await client.query<Row>(text, values)).rows,
      copyIn: (statement, lines) => pipeline(Readable.from(lines), client.query(copyFrom(statement))),
    };
    try {
      const result = await work(session);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // The error that stopped the work is the one to report; a connection too broken to roll back is
      // closed below, which rolls back all the same.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}
