import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listQuery, paging, readPage } from '@/server/backend/lists/list-query';

export const listGrantsInput = listQuery(['createdAt'] as const).extend({
  merchantId: z.string().max(64).optional(),
  appId: z.string().max(64).optional(),
  includeRevoked: z.boolean().default(false),
});

export async function listGrants(options: { actor: Actor; input: z.infer<typeof listGrantsInput> }) {
  assertCan(options.actor, 'merchant.read');
  const { input } = options;
  const where: Prisma.AppGrantWhereInput = {
    ...companyFilter(options.actor),
    ...(input.merchantId ? { merchantId: input.merchantId } : {}),
    ...(input.appId ? { appId: input.appId } : {}),
    ...(input.includeRevoked ? {} : { revokedAt: null }),
  };
  return readPage(
    input,
    db().appGrant.findMany({
      where,
      orderBy: { [input.sortBy]: input.sortDir },
      ...paging(input),
      include: { app: { select: { name: true, status: true } }, merchant: { select: { name: true } } },
    }),
    db().appGrant.count({ where }),
  );
}
