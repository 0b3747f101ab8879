// For tests of index use: a query's plan with sequential scans disabled, so that empty test tables cannot
// hide a missing index behind a cheaper full scan.
import { db } from '@/server/db/client';
import { Prisma } from '@/server/db/generated/client';

export async function planOf(query: Prisma.Sql): Promise<string> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const rows = await tx.$queryRaw<Array<{ 'QUERY PLAN': string }>>(Prisma.sql`EXPLAIN ${query}`);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}
