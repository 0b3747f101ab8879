import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listQuery, paging, readPage } from '@/server/backend/lists/list-query';

export const listMerchantsInput = listQuery(['createdAt', 'name'] as const).extend({
  companyId: z.string().max(64).optional(),
  status: z.enum(['ACTIVE', 'DISABLED']).optional(),
});

export async function listMerchants(options: { actor: Actor; input: z.infer<typeof listMerchantsInput> }) {
  assertCan(options.actor, 'merchant.read');
  const { input } = options;
  const where: Prisma.MerchantWhereInput = {
    ...(input.companyId ? { companyId: input.companyId } : {}),
    ...companyFilter(options.actor),
    ...(input.status ? { status: input.status } : {}),
    ...(input.search
      ? { OR: [{ name: { contains: input.search, mode: 'insensitive' } }, { id: input.search }] }
      : {}),
  };
  return readPage(
    input,
    db().merchant.findMany({
      where,
      orderBy: { [input.sortBy]: input.sortDir },
      ...paging(input),
      include: { company: { select: { name: true, status: true } }, _count: { select: { channels: true } } },
    }),
    db().merchant.count({ where }),
  );
}
