import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { assertCan, companyFilter } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listQuery, paging, readPage, type Page } from '@/server/backend/lists/list-query';
import { userView, type UserView } from './user-view';

export const listUsersInput = listQuery(['createdAt', 'email', 'name', 'lastLoginAt'] as const).extend({
  role: z.enum(['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR']).optional(),
  companyId: z.string().max(64).optional(),
  disabled: z.boolean().optional(),
});

export async function listUsers(options: { actor: Actor; input: z.infer<typeof listUsersInput> }): Promise<Page<UserView>> {
  assertCan(options.actor, 'user.read');
  const { input } = options;
  const where: Prisma.UserWhereInput = {
    ...(input.companyId ? { companyId: input.companyId } : {}),
    ...companyFilter(options.actor),
    ...(input.role ? { role: input.role } : {}),
    ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
    ...(input.search
      ? { OR: [{ email: { contains: input.search, mode: 'insensitive' } }, { name: { contains: input.search, mode: 'insensitive' } }] }
      : {}),
  };
  const page = await readPage(
    input,
    db().user.findMany({ where, orderBy: { [input.sortBy]: input.sortDir }, ...paging(input) }),
    db().user.count({ where }),
  );
  return { ...page, items: page.items.map(userView) };
}
