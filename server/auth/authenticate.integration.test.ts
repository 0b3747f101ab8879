import { randomInt } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { newId } from '@/server/lib/ids';
import { authenticate, BAD_CREDENTIALS } from './authenticate';
import { hashPassword } from './password';

const password = 'correct horse battery';
let email: string;
let address: string;

/** A client address no other test uses, so each test starts with clean counters. */
function freshAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

async function attempt(pw: string, options: { who?: string; from?: string } = {}): Promise<AppError | { id: string }> {
  try {
    return await authenticate({ email: options.who ?? email, password: pw, request: { ip: options.from ?? address, userAgent: 'vitest' } });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

function codeOf(result: AppError | { id: string }): string {
  return result instanceof AppError ? result.code : 'OK';
}

/** What the client sees: the code, the message, and how long it is told to wait (whole seconds). */
function answer(result: AppError | { id: string }) {
  if (!(result instanceof AppError)) return 'OK';
  const retryAt = result.details?.retryAt;
  return { code: result.code, message: result.message, waitSeconds: typeof retryAt === 'string' ? Math.round((Date.parse(retryAt) - Date.now()) / 1000) : null };
}

function throttle(scope: 'ADDRESS' | 'ACCOUNT', subject: string) {
  return db().loginThrottle.findUnique({ where: { scope_subject: { scope, subject } } });
}

/** Lets a running block expire, as waiting would. */
async function waitOut(scope: 'ADDRESS' | 'ACCOUNT', subject: string) {
  await db().loginThrottle.update({ where: { scope_subject: { scope, subject } }, data: { blockedUntil: new Date(Date.now() - 1) } });
}

beforeEach(async () => {
  email = `staff-${newId('usr').slice(4)}@example.com`.toLowerCase();
  address = freshAddress();
  await db().user.create({ data: { id: newId('usr'), email, name: 'Staff', passwordHash: await hashPassword(password), role: 'PLATFORM_ADMIN' } });
});

describe('authenticate', () => {
  it('signs in with the right password, case-insensitively on the email, and audits it', async () => {
    const user = await attempt(password, { who: email.toUpperCase() });
    expect(user).toMatchObject({ email, role: 'PLATFORM_ADMIN' });
    const audit = await db().auditLog.findFirst({ where: { action: 'auth.login', actorEmail: email } });
    expect(audit).toMatchObject({ ip: address, userAgent: 'vitest' });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await attempt(password, { who: 'nobody@example.com' });
    const wrong = await attempt('wrong password!');
    expect(unknown).toBeInstanceOf(AppError);
    expect(wrong).toBeInstanceOf(AppError);
    expect((unknown as AppError).code).toBe('UNAUTHENTICATED');
    expect((wrong as AppError).code).toBe('UNAUTHENTICATED');
    expect((unknown as AppError).message).toBe(BAD_CREDENTIALS);
    expect((wrong as AppError).message).toBe(BAD_CREDENTIALS);
  });

  it('answers an unknown email exactly as a known one, throttling included', async () => {
    const unknown = `nobody-${newId('usr').slice(4)}@example.com`.toLowerCase();
    // 14 failures each, every one from its own address, so only the per-account throttle speaks.
    const known: unknown[] = [];
    const stranger: unknown[] = [];
    for (let i = 0; i < 14; i++) known.push(answer(await attempt('wrong password!', { from: freshAddress() })));
    for (let i = 0; i < 14; i++) stranger.push(answer(await attempt('wrong password!', { who: unknown, from: freshAddress() })));
    expect(stranger).toEqual(known);
    expect(known).toContainEqual(expect.objectContaining({ code: 'LOGIN_THROTTLED' }));
  });

  it('answers an email no account can have (NUL, 10 000 characters) like any unknown one', async () => {
    for (const who of ['nobody\u0000@example.com', `${'x'.repeat(10_000)}@example.com`]) {
      expect(answer(await attempt(password, { who, from: freshAddress() }))).toEqual({ code: 'UNAUTHENTICATED', message: BAD_CREDENTIALS, waitSeconds: null });
    }
  });

  it('does not let failures from one address keep the owner out from another', async () => {
    for (let i = 0; i < 12; i++) {
      await attempt('attacker guess!');
      await waitOut('ADDRESS', address);
    }
    expect(codeOf(await attempt('attacker guess!'))).toBe('LOGIN_THROTTLED');
    expect(await attempt(password, { from: freshAddress() })).toMatchObject({ email });
  });

  it('slows a failing address down, the wait doubling with every further failure', async () => {
    const waits: Array<number | null> = [];
    for (let i = 0; i < 8; i++) {
      const failure = answer(await attempt('attacker guess!', { who: `victim-${i}@example.com` }));
      waits.push(failure === 'OK' ? -1 : failure.waitSeconds);
      if (failure !== 'OK' && failure.waitSeconds) {
        // Until the wait is over, nothing is even tried (and nothing counted).
        expect(answer(await attempt('attacker guess!', { who: `other-${i}@example.com` }))).toMatchObject({ code: 'LOGIN_THROTTLED' });
        await waitOut('ADDRESS', address);
      }
    }
    // 5 failures (PAYCENTER_LOGIN_MAX_FAILURES) before the first wait, then 1 s, 2 s, 4 s, 8 s…
    expect(waits).toEqual([null, null, null, null, 1, 2, 4, 8]);
    expect(await throttle('ADDRESS', address)).toMatchObject({ failures: 8 });
    // The right password is refused too while the address waits, so waiting cannot be skipped.
    await attempt('attacker guess!', { who: 'victim-9@example.com' });
    expect(codeOf(await attempt(password))).toBe('LOGIN_THROTTLED');
  });

  it('keeps the per-account wait short: 30 s at most', async () => {
    for (let i = 0; i < 20; i++) {
      await attempt('distributed guess!', { from: freshAddress() });
      await waitOut('ACCOUNT', email);
    }
    const last = answer(await attempt('distributed guess!', { from: freshAddress() }));
    expect(last).toMatchObject({ code: 'LOGIN_THROTTLED', waitSeconds: 30 });
  });

  it('starts the account afresh after a correct login, giving the address only that attempt back', async () => {
    for (let i = 0; i < 4; i++) expect(codeOf(await attempt('nope nope nope'))).toBe('UNAUTHENTICATED');
    expect(await attempt(password)).toMatchObject({ email });
    expect(await throttle('ACCOUNT', email)).toBeNull();
    expect(await throttle('ADDRESS', address)).toMatchObject({ failures: 4, blockedUntil: null });
    expect(codeOf(await attempt('nope nope nope'))).toBe('LOGIN_THROTTLED');
  });

  it('counts 20 parallel guesses from one address exactly, letting only the free ones through', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt('parallel guess!')));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(4);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).toHaveLength(16);
    expect(await throttle('ADDRESS', address)).toMatchObject({ failures: 5 });
    expect(await throttle('ACCOUNT', email)).toMatchObject({ failures: 5 });
  });

  it('counts 20 parallel guesses on one account from 20 addresses exactly', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt('parallel guess!', { from: freshAddress() })));
    expect(results.map(codeOf).filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(9);
    expect(await throttle('ACCOUNT', email)).toMatchObject({ failures: 10 });
  });

  it('refuses a disabled account only after the right password', async () => {
    await db().user.update({ where: { email }, data: { disabled: true } });
    expect(codeOf(await attempt('wrong password!'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await attempt(password))).toBe('FORBIDDEN');
  });
});
