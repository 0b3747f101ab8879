// @prisma/adapter-pg as the schema engine needs it. The adapter is written for Prisma Client;
// Prisma Migrate hits two gaps in it (7.10), both fixed here on the adapter we hand the engine.
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';

// Gap 1: PostgreSQL's one-byte `"char"` type (pg_constraint.contype, ...) is not in the adapter's
// type map, so every catalog query of the engine's schema describer fails ("Column type 'char'
// could not be deserialized"), and the describer then expects a char value, not text. pg's
// result is relabelled as text for the adapter, which passes `rows` through untouched, and the
// column is reported to the engine as a Character column.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const charColumnsOfRows = new WeakMap<unknown[], number[]>();

function relabelCharColumns<R extends pg.QueryResult | pg.QueryResult[]>(result: R): R {
  if (Array.isArray(result)) {
    // A multi-statement script yields one result per statement.
    for (const statementResult of result) relabelCharColumns(statementResult);
    return result;
  }
  const charColumns = result.fields.flatMap((field, i) => (field.dataTypeID === PG_CHAR_OID ? [i] : []));
  if (charColumns.length === 0) return result;
  for (const i of charColumns) result.fields[i]!.dataTypeID = PG_TEXT_OID;
  charColumnsOfRows.set(result.rows, charColumns);
  return result;
}

/** Wraps `client.query` in both forms in use: callback (pg.Pool#query) and promise (the adapter). */
function relabelCharColumnsOf(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  Object.assign(client, {
    query: (...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: Error | undefined, result: pg.QueryResult | pg.QueryResult[] | undefined) =>
          callback(error, result && relabelCharColumns(result));
        return query(...args);
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(relabelCharColumns) : pending;
    },
  });
}

// Gap 2: the adapter's executeScript splits the script on every `;`, even inside string literals
// or function bodies, and runs the pieces one by one outside any transaction. The native engine
// sends the whole migration as one simple-protocol query, which PostgreSQL runs all-or-nothing.
async function executeWholeScript(pool: pg.Pool, script: string): Promise<void> {
  try {
    await pool.query(script);
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    throw new DriverAdapterError({
      kind: 'postgres',
      code: error.code ?? 'N/A',
      severity: error.severity ?? 'N/A',
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
}

/** An adapter factory for the schema engine, on a pool that the caller owns and ends. */
export function migrationAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  pool.on('connect', relabelCharColumnsOf);
  const pgFactory = new PrismaPg(pool);
  return {
    provider: pgFactory.provider,
    adapterName: pgFactory.adapterName,
    async connect() {
      const adapter = await pgFactory.connect();
      const queryRaw = adapter.queryRaw.bind(adapter);
      return Object.assign(adapter, {
        queryRaw: async (query: SqlQuery) => {
          const resultSet = await queryRaw(query);
          for (const i of charColumnsOfRows.get(resultSet.rows) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
          return resultSet;
        },
        executeScript: (script: string) => executeWholeScript(pool, script),
      });
    },
    // Only `migrate dev`-style commands (createMigration, diffs from migrations) use one; we diff the
    // migrated database instead, and the shadow database's own pool would lack the fixes above.
    connectToShadowDb() {
      return Promise.reject(new Error('PayCenter does not use a shadow database for migrations'));
    },
  };
}
