import { hashPassword } from '@/server/auth/password';
import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import { Prisma } from '@/server/db/generated/client';
import { newId, randomBase62 } from '@/server/lib/ids';
import { mergeDemoFile } from '@/server/lib/demo-file';
import { recordAudit } from '@/server/backend/audit/record-audit';

export interface BootstrapResult {
  created: boolean;
  email: string;
}

/**
 * Creates the first platform admin when there is none: credentials from PAYCENTER_ADMIN_EMAIL /
 * PAYCENTER_ADMIN_PASSWORD, or generated. Either way they are written to `.data/demo.json` (0600)
 * so the operator can sign in; they are never logged. Safe to run from several processes at once.
 */
export async function ensurePlatformAdmin(): Promise<BootstrapResult | null> {
  const existing = await db().user.findFirst({ where: { role: 'PLATFORM_ADMIN' }, orderBy: { createdAt: 'asc' } });
  if (existing) return null;

  const email = (env().PAYCENTER_ADMIN_EMAIL ?? 'admin@paycenter.local').toLowerCase();
  const password = env().PAYCENTER_ADMIN_PASSWORD ?? randomBase62(20);
  const id = newId('usr');
  try {
    await db().$transaction(async (tx) => {
      await tx.user.create({
        data: { id, email, name: 'Platform admin', passwordHash: await hashPassword(password), role: 'PLATFORM_ADMIN' },
      });
      await recordAudit(tx, {
        actor: null,
        action: 'user.bootstrap-admin',
        target: { type: 'User', id },
        summary: { email, source: env().PAYCENTER_ADMIN_PASSWORD ? 'env' : 'generated' },
      });
    });
  } catch (error) {
    // Another process created it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
    throw error;
  }
  await mergeDemoFile({ admin: { email, password } });
  return { created: true, email };
}
