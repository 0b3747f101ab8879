import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The URL is only needed by the native Prisma CLI (`prisma migrate deploy`, `prisma studio`);
// PayCenter itself connects through the pg driver adapter and applies migrations with the
// WASM schema engine (prisma/migrate/), so generate works without a database.
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/paycenter' },
});
