// Prisma's schema engine compiled to WebAssembly, talking to PostgreSQL through the pg driver
// adapter. It replaces the native `schema-engine` binary, which the Prisma CLI downloads and
// which therefore cannot run offline. It writes the same `_prisma_migrations` table, so
// `prisma migrate deploy` stays usable wherever the binary is available.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { migrationAdapterFactory } from './pg-adapter-factory';

export type { SchemaEngine };

/** prisma.config.ts declares no externally managed tables or enums. */
export const NO_EXTERNAL_ENTITIES: SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;
let lastPanic = '';

function unrefSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  return setTimeout(callback, ms >>> 0).unref();
}

/**
 * The package's own entry point imports the `.wasm` file as an ES module, which Node 20 cannot
 * do, so the bindings are wired to an instance we create ourselves (once per process).
 */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The engine's panic hook hands its message here just before the wasm traps. A trap inside an
    // async continuation surfaces only as an uncaught "RuntimeError: unreachable": say why first.
    const registry = {
      set_message(message: string) {
        lastPanic = message;
        console.error(`Prisma schema engine panic: ${message}`);
      },
    };
    Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: registry });
    const bindingsFile = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmFile = path.join(path.dirname(bindingsFile), 'schema_engine_bg.wasm');
    // The engine arms a timer for its 10 s advisory-lock timeout and never clears it (the bindings
    // have no clearTimeout), which would keep every script alive for 10 s after it is done. The
    // timer always guards a database query whose socket keeps the process alive anyway: unref it.
    const imports = Object.fromEntries(
      Object.entries(bindings).map(([name, value]) => [name, name.startsWith('__wbg_setTimeout_') ? unrefSetTimeout : value]),
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), { './schema_engine_bg.js': imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * Engine errors may end with a Rust span trace ("   0: schema_engine_wasm::..."), which we drop;
 * user-facing ones carry Prisma's error code (P3009, ...), which we keep in front as the CLI does.
 */
export function engineErrorMessage(error: unknown): string {
  if (error instanceof WebAssembly.RuntimeError) return `The Prisma schema engine crashed: ${lastPanic || error.message}`;
  const message = (error instanceof Error ? error.message : String(error)).split(/\n\s+0: /)[0]!.trim();
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/**
 * Runs `fn` with a schema engine connected to `databaseUrl`, then frees the engine and closes its
 * connections whatever happens. Engine failures are rethrown as plain Errors with a readable message.
 */
export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  // Our own pool, so that we can close it: the engine never disposes the adapter it connects. One
  // connection, as the native engine uses: its session-level advisory lock (one migrator at a
  // time) must be held by the session that migrates, and is released when the pool ends.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  let engine: SchemaEngine | undefined;
  try {
    const adapterFactory = bindMigrationAwareSqlAdapterFactory(migrationAdapterFactory(pool));
    // The callback receives the engine's tracing log as JSON lines; errors reach us as rejections.
    engine = await bindings.SchemaEngine.new({ datamodels: undefined }, () => undefined, adapterFactory);
    return await fn(engine);
  } catch (error) {
    const message = engineErrorMessage(error);
    throw error instanceof Error && error.message === message ? error : new Error(message, { cause: error });
  } finally {
    engine?.free();
    await pool.end();
  }
}
