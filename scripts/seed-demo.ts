// `npm run seed:demo`: the demo tenant (idempotent), on the embedded database or DATABASE_URL.
import { applyMigrations } from '@/prisma/migrate/apply-migrations';
import { connectDatabase } from '@/server/db/client';
import { resolveDatabase } from '@/server/db/resolve-database';
import { seedDemo } from '@/server/backend/demo/seed-demo';
import { wireSandbox } from '@/server/sandbox/provisioning/wire-sandbox';

const database = await resolveDatabase();
try {
  connectDatabase(database.url);
  await applyMigrations({ databaseUrl: database.url });
  wireSandbox();
  const { file } = await seedDemo();
  console.log(`Demo tenant ready; credentials in ${file}`);
  const { db } = await import('@/server/db/client');
  await db().$disconnect();
} finally {
  await database.stop();
}
