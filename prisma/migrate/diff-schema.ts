// What `prisma migrate dev` would put in the next migration: the SQL that takes the database (with
// every migration applied) to prisma/schema.prisma. Diffing the live database needs no shadow database.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from './schema-engine';

const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = path.join(PRISMA_DIR, 'schema.prisma');

/** The SQL script, or '' when the database already matches the schema. */
export async function diffDatabaseToSchema(options: { databaseUrl: string; schemaFile?: string }): Promise<string> {
  const schemaFile = options.schemaFile ?? SCHEMA_FILE;
  const files = [{ path: schemaFile, content: await readFile(schemaFile, 'utf8') }];
  const result = await withSchemaEngine(options.databaseUrl, (engine) =>
    engine.diff({
      // `schemaDatasource` means "the database the engine is connected to"; the `url` target is
      // rejected by this engine version ("--from-url and --to-url flags are no longer supported").
      from: { tag: 'schemaDatasource', files, configDir: path.dirname(PRISMA_DIR) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true, // 2 when there is a difference, 0 when there is none
      filters: NO_EXTERNAL_ENTITIES,
    }),
  );
  return result.exitCode === 2 ? (result.stdout ?? '') : '';
}
