import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/server/auth/authenticate';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import type { Actor } from '@/server/backend/audit/record-audit';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { createUser } from './create-user';
import { resetPassword } from './reset-password';
import { setUserDisabled } from './set-user-disabled';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : 'other'));
let admin: Actor;
let companyAdmin: Actor;
let companyId: string;

beforeAll(async () => {
  admin = await platformAdmin();
  companyId = (await makeCompanyId());
  companyAdmin = await makeUser('COMPANY_ADMIN', companyId);
});

async function makeCompanyId() {
  return (await makeCompany(admin)).id;
}

describe('staff management', () => {
  it('lets a company admin create staff only in their own company, with a one-time password that works', async () => {
    const otherCompany = await makeCompanyId();
    const { user, temporaryPassword } = await createUser({ actor: companyAdmin, input: { email: 'Cashier@Example.com', name: '收银员', role: 'COMPANY_STAFF', companyId: otherCompany } });
    expect(user).toMatchObject({ email: 'cashier@example.com', companyId, role: 'COMPANY_STAFF' });
    expect(temporaryPassword).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(await authenticate({ email: 'cashier@example.com', password: temporaryPassword! })).toMatchObject({ companyId });
    expect(JSON.stringify(user)).not.toContain('argon2');
  });

  it('refuses a company admin creating a platform admin, and a duplicate email naming the field', async () => {
    expect(await codeOf(createUser({ actor: companyAdmin, input: { email: 'boss@example.com', name: 'x', role: 'PLATFORM_ADMIN' } }))).toBe('FORBIDDEN');
    await createUser({ actor: admin, input: { email: 'dup@example.com', name: 'x', role: 'AUDITOR', companyId } });
    const error = await createUser({ actor: admin, input: { email: 'dup@example.com', name: 'y', role: 'AUDITOR', companyId } }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual({ fields: { email: 'already in use' } });
  });

  it('resets a password: the old one stops working, old sessions end, the lock lifts', async () => {
    const { user, temporaryPassword } = await createUser({ actor: companyAdmin, input: { email: 'reset@example.com', name: 'r', role: 'COMPANY_STAFF' } });
    await db().loginThrottle.create({
      data: { scope: 'ACCOUNT', subject: 'reset@example.com', failures: 12, blockedUntil: new Date(Date.now() + 30_000), lastAttemptAt: new Date() },
    });
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const { temporaryPassword: fresh } = await resetPassword({ actor: companyAdmin, userId: user.id });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await db().loginThrottle.count({ where: { scope: 'ACCOUNT', subject: 'reset@example.com' } })).toBe(0);
    expect(await codeOf(authenticate({ email: 'reset@example.com', password: temporaryPassword! }))).toBe('UNAUTHENTICATED');
    expect(await authenticate({ email: 'reset@example.com', password: fresh })).toMatchObject({ id: user.id });
  });

  it('disables a user (ending their sessions) but never yourself or a platform admin from a company', async () => {
    const { user } = await createUser({ actor: companyAdmin, input: { email: 'leaver@example.com', name: 'l', role: 'COMPANY_STAFF' } });
    const disabled = await setUserDisabled({ actor: companyAdmin, userId: user.id, disabled: true });
    expect(disabled.disabled).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    expect(await codeOf(setUserDisabled({ actor: companyAdmin, userId: companyAdmin.userId, disabled: true }))).toBe('CONFLICT');
    expect(await codeOf(setUserDisabled({ actor: companyAdmin, userId: admin.userId, disabled: true }))).toBe('NOT_FOUND');
  });
});
