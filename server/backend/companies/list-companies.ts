import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listQuery, paging, readPage } from '@/server/backend/lists/list-query';

export const listCompaniesInput = listQuery(['createdAt', 'name'] as const).extend({
  status: z.enum(['ACTIVE', 'SUSPENDED']).optional(),
});

export async function listCompanies(options: { actor: Actor; input: z.infer<typeof listCompaniesInput> }) {
  assertCan(options.actor, 'company.manage');
  const { input } = options;
  const where: Prisma.PropertyCompanyWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.search ? { name: { contains: input.search, mode: 'insensitive' } } : {}),
  };
  return readPage(
    input,
    db().propertyCompany.findMany({
      where,
      orderBy: { [input.sortBy]: input.sortDir },
      ...paging(input),
      include: { _count: { select: { merchants: true, users: true } } },
    }),
    db().propertyCompany.count({ where }),
  );
}

/** One company: platform admins see any, company users only their own. */
export async function getCompany(options: { actor: Actor; companyId: string }) {
  assertCan(options.actor, 'company.read');
  if (options.actor.role !== 'PLATFORM_ADMIN' && options.actor.companyId !== options.companyId) throw new AppError('NOT_FOUND');
  const company = await db().propertyCompany.findUnique({
    where: { id: options.companyId },
    include: { _count: { select: { merchants: true, users: true } } },
  });
  if (!company) throw new AppError('NOT_FOUND');
  return company;
}
