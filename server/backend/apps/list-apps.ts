import { z } from 'zod';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listQuery, paging, readPage } from '@/server/backend/lists/list-query';

export const listAppsInput = listQuery(['createdAt', 'name'] as const).extend({ status: z.enum(['ACTIVE', 'DISABLED']).optional() });

/**
 * Platform admins see every app with its secrets' hints; company users see the directory of active
 * apps (id and name) so they can grant them their merchants.
 */
export async function listApps(options: { actor: Actor; input: z.infer<typeof listAppsInput> }) {
  assertCan(options.actor, 'app.read');
  const { input } = options;
  const admin = options.actor.role === 'PLATFORM_ADMIN';
  const where: Prisma.AppWhereInput = {
    ...(admin ? (input.status ? { status: input.status } : {}) : { status: 'ACTIVE' }),
    ...(input.search ? { OR: [{ name: { contains: input.search, mode: 'insensitive' } }, { id: input.search }] } : {}),
  };
  const page = await readPage(
    input,
    db().app.findMany({
      where,
      orderBy: { [input.sortBy]: input.sortDir },
      ...paging(input),
      include: { secrets: { where: { revokedAt: null }, select: { id: true, hint: true, createdAt: true } } },
    }),
    db().app.count({ where }),
  );
  const items = page.items.map((app) =>
    admin
      ? app
      : { id: app.id, name: app.name, description: app.description, status: app.status, createdAt: app.createdAt },
  );
  return { ...page, items };
}

export async function getApp(options: { actor: Actor; appId: string }) {
  assertCan(options.actor, 'app.manage');
  const app = await db().app.findUnique({
    where: { id: options.appId },
    include: {
      secrets: { orderBy: { createdAt: 'desc' }, select: { id: true, hint: true, createdAt: true, revokedAt: true } },
      grants: { where: { revokedAt: null }, include: { merchant: { select: { name: true, company: { select: { name: true } } } } } },
    },
  });
  if (!app) throw new AppError('NOT_FOUND');
  return app;
}
