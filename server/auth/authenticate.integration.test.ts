import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { newId } from '@/server/lib/ids';
import { authenticate, BAD_CREDENTIALS } from './authenticate';
import { hashPassword } from './password';

const password = 'correct horse battery';
let email: string;

async function attempt(pw: string, who = email): Promise<AppError | { id: string }> {
  try {
    return await authenticate({ email: who, password: pw, request: { ip: '203.0.113.9', userAgent: 'vitest' } });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

beforeEach(async () => {
  email = `staff-${newId('usr').slice(4)}@example.com`.toLowerCase();
  await db().user.create({ data: { id: newId('usr'), email, name: 'Staff', passwordHash: await hashPassword(password), role: 'PLATFORM_ADMIN' } });
});

describe('authenticate', () => {
  it('signs in with the right password, case-insensitively on the email, and audits it', async () => {
    const user = await attempt(password, email.toUpperCase());
    expect(user).toMatchObject({ email, role: 'PLATFORM_ADMIN' });
    const audit = await db().auditLog.findFirst({ where: { action: 'auth.login', actorEmail: email } });
    expect(audit).toMatchObject({ ip: '203.0.113.9', userAgent: 'vitest' });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await attempt(password, 'nobody@example.com');
    const wrong = await attempt('wrong password!');
    expect(unknown).toBeInstanceOf(AppError);
    expect(wrong).toBeInstanceOf(AppError);
    expect((unknown as AppError).code).toBe('UNAUTHENTICATED');
    expect((wrong as AppError).code).toBe('UNAUTHENTICATED');
    expect((unknown as AppError).message).toBe(BAD_CREDENTIALS);
    expect((wrong as AppError).message).toBe(BAD_CREDENTIALS);
  });

  it('locks the account after 5 failures, even with the right password, until the lock expires', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('nope nope nope')) as AppError).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await attempt('nope nope nope')) as AppError).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((await attempt(password)) as AppError).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(await db().auditLog.count({ where: { action: 'auth.locked', targetType: 'User' } })).toBeGreaterThanOrEqual(1);

    await db().user.update({ where: { email }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attempt(password)).toMatchObject({ email });
    expect(await db().user.findUniqueOrThrow({ where: { email } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it('does not let 20 parallel guesses slip past the limit', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt('parallel guess!')));
    const codes = results.map((r) => (r as AppError).code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(16);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses a disabled account only after the right password', async () => {
    await db().user.update({ where: { email }, data: { disabled: true } });
    expect((await attempt('wrong password!')) as AppError).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await attempt(password)) as AppError).toMatchObject({ code: 'FORBIDDEN' });
  });
});
