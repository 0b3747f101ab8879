import { z } from 'zod';
import { hashPassword, PASSWORD_RULE } from '@/server/auth/password';
import { db } from '@/server/db/client';
import { Prisma } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { newId, randomBase62 } from '@/server/lib/ids';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { userView } from './user-view';

export const createUserInput = z.object({
  email: z.email().max(254).transform((v) => v.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  role: z.enum(['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR']),
  /** Platform admins choose the company; company admins always create in their own. */
  companyId: z.string().max(64).optional(),
  /** Omit to generate a temporary password that is shown once. */
  password: z.string().min(PASSWORD_RULE.minLength).max(PASSWORD_RULE.maxLength).optional(),
});

export async function createUser(options: { actor: Actor; input: z.infer<typeof createUserInput>; request?: RequestMeta }) {
  const { actor } = options;
  const input = { ...options.input, email: options.input.email.trim().toLowerCase() };
  assertCan(actor, 'user.manage');
  let companyId: string | null;
  if (actor.role === 'PLATFORM_ADMIN') {
    if (input.role === 'PLATFORM_ADMIN') companyId = null;
    else if (!input.companyId) throw AppError.invalidFields({ companyId: 'required for company roles' });
    else companyId = input.companyId;
  } else {
    if (input.role === 'PLATFORM_ADMIN') throw new AppError('FORBIDDEN');
    companyId = actor.companyId;
  }
  if (companyId && !(await db().propertyCompany.findUnique({ where: { id: companyId } }))) {
    throw AppError.invalidFields({ companyId: 'no such property company' });
  }

  const password = input.password ?? randomBase62(16);
  const id = newId('usr');
  try {
    const user = await db().$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { id, email: input.email, name: input.name, role: input.role, companyId, passwordHash: await hashPassword(password) },
      });
      await recordAudit(tx, {
        actor,
        action: 'user.create',
        target: { type: 'User', id, companyId },
        summary: { after: { email: input.email, name: input.name, role: input.role } },
        request: options.request,
      });
      return created;
    });
    return { user: userView(user), temporaryPassword: input.password ? null : password };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw AppError.invalidFields({ email: 'already in use' });
    }
    throw error;
  }
}
