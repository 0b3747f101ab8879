import { isIPv6 } from 'node:net';
import { env } from '@/server/config/env';
import { db, type Tx } from '@/server/db/client';
import type { LoginThrottleScope } from '@/server/db/generated/client';
import { recordAudit, type RequestMeta } from '@/server/backend/audit/record-audit';

/** A counter idle this long starts afresh, and its row may be purged. */
export const LOGIN_THROTTLE_MEMORY_SECONDS = 24 * 3600;

interface ThrottlePolicy {
  /** The failure that starts the first wait (1 s). */
  firstWaitAt: number;
  /** The longest wait; the wait doubles from 1 s up to it. */
  maxBlockSeconds: number;
}

// Anyone can fail on someone else's email, so an account's throttle stays mild and short:
// the owner never waits more than 30 s. The failing address is what pays (PAYCENTER_LOGIN_*).
const ACCOUNT_POLICY: ThrottlePolicy = { firstWaitAt: 10, maxBlockSeconds: 30 };

function policy(scope: LoginThrottleScope): ThrottlePolicy {
  if (scope === 'ACCOUNT') return ACCOUNT_POLICY;
  const { PAYCENTER_LOGIN_MAX_FAILURES: firstWaitAt, PAYCENTER_LOGIN_LOCKOUT_SECONDS: maxBlockSeconds } = env();
  return { firstWaitAt, maxBlockSeconds };
}

/** Exponential backoff: none before firstWaitAt failures, then 1 s, 2 s, 4 s … up to the policy's cap. */
export function blockAfter(options: { scope: LoginThrottleScope; failures: number; now: Date }): Date | null {
  const { firstWaitAt, maxBlockSeconds } = policy(options.scope);
  if (options.failures < firstWaitAt) return null;
  const seconds = Math.min(maxBlockSeconds, 2 ** Math.min(options.failures - firstWaitAt, 30));
  return new Date(options.now.getTime() + seconds * 1000);
}

/**
 * What one client address means for throttling. An IPv6 client usually holds a whole /64, so
 * counting its single addresses would give it 2^64 fresh counters; IPv4-mapped IPv6 is IPv4.
 */
export function addressSubject(ip: string | null | undefined): string {
  const address = ip?.split('%')[0]?.toLowerCase();
  if (!address) return 'unknown';
  if (!isIPv6(address)) return address.slice(0, 64);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return mapped[1];
  // An embedded IPv4 tail (a.b.c.d) is two groups, both beyond the /64.
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const [head, tail] = address.split('::');
  const headGroups = groups(head);
  const tailGroups = groups(tail);
  const elided = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  const prefix = [...headGroups, ...elided, ...tailGroups].slice(0, 4);
  return `${prefix.map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/** The two counters a sign-in attempt is charged to. */
export interface LoginSubjects {
  /** From addressSubject. */
  address: string;
  /** Normalised; unknown emails are counted like known ones, so throttling reveals nothing. */
  email: string;
}

type ThrottleKey = { scope: LoginThrottleScope; subject: string };

interface ThrottleRow {
  failures: number;
  blockedUntil: Date | null;
  lastAttemptAt: Date;
}

/** The key's row, created if need be, locked until the transaction ends (one statement: no gap to lose it in). */
async function lockRow(tx: Tx, key: ThrottleKey, now: Date): Promise<ThrottleRow> {
  const [row] = await tx.$queryRaw<[ThrottleRow]>`
    INSERT INTO "LoginThrottle" ("scope", "subject", "lastAttemptAt")
    VALUES (${key.scope}::"LoginThrottleScope", ${key.subject}, ${now})
    ON CONFLICT ("scope", "subject") DO UPDATE SET "subject" = EXCLUDED."subject"
    RETURNING "failures", "blockedUntil", "lastAttemptAt"`;
  return row;
}

function latest(dates: Array<Date | null>): Date | null {
  return dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);
}

/** Counts one attempt on a locked row, starting a wait from the policy's firstWaitAt failure on. */
async function countAttempt(tx: Tx, options: { key: ThrottleKey; row: ThrottleRow; now: Date; request?: RequestMeta }) {
  const { key, row, now } = options;
  const forgotten = row.lastAttemptAt.getTime() < now.getTime() - LOGIN_THROTTLE_MEMORY_SECONDS * 1000;
  const failures = (forgotten ? 0 : row.failures) + 1;
  const blockedUntil = blockAfter({ scope: key.scope, failures, now });
  await tx.loginThrottle.update({ where: { scope_subject: key }, data: { failures, blockedUntil, lastAttemptAt: now } });
  if (failures === policy(key.scope).firstWaitAt) {
    await recordAudit(tx, {
      actor: null,
      action: 'auth.throttled',
      target: { type: 'LoginThrottle', id: `${key.scope}:${key.subject}` },
      summary: { failures, blockedUntil: blockedUntil?.toISOString() },
      request: options.request,
    });
  }
  return { failures, blockedUntil };
}

/** Either refused (nothing counted), or counted, with when a retry is allowed should this attempt fail. */
export type LoginAttemptCharge = { refused: true; retryAt: Date } | { refused: false; retryAt: Date | null };

/**
 * Counts a sign-in attempt against its address and its email BEFORE the password is checked, so
 * parallel guesses cannot all pass a check that none of them has counted yet; a success gives
 * the count back (forgiveSuccessfulAttempt). While either counter is blocked the attempt is
 * refused and not counted.
 */
export async function chargeLoginAttempt(options: { subjects: LoginSubjects; now: Date; request?: RequestMeta }): Promise<LoginAttemptCharge> {
  const { now, request } = options;
  const address: ThrottleKey = { scope: 'ADDRESS', subject: options.subjects.address };
  const account: ThrottleKey = { scope: 'ACCOUNT', subject: options.subjects.email };
  return db().$transaction(async (tx) => {
    // Every attempt locks in this order, so concurrent attempts queue and never deadlock.
    const addressRow = await lockRow(tx, address, now);
    const accountRow = await lockRow(tx, account, now);
    const blocked = latest([addressRow, accountRow].map((row) => (row.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null)));
    if (blocked) return { refused: true, retryAt: blocked };

    const byAddress = await countAttempt(tx, { key: address, row: addressRow, now, request });
    // An address past its first wait is slowed by its own throttle. Counting it against the
    // account as well would let one address push the owner into waits too, so an account's
    // throttle takes failures from two addresses or more.
    if (byAddress.failures > policy('ADDRESS').firstWaitAt) return { refused: false, retryAt: byAddress.blockedUntil };
    const byAccount = await countAttempt(tx, { key: account, row: accountRow, now, request });
    return { refused: false, retryAt: latest([byAddress.blockedUntil, byAccount.blockedUntil]) };
  });
}

/**
 * After the right password the account's counter starts afresh, while the address only gets this
 * attempt back: signing in to an account of one's own must not wipe the failures an address
 * piled up on other accounts.
 */
export async function forgiveSuccessfulAttempt(options: { subjects: LoginSubjects }): Promise<void> {
  const { address, email } = options.subjects;
  const { firstWaitAt } = policy('ADDRESS');
  await db().$transaction([
    forgetAccountFailures({ email }),
    // The attempt was let in, so no block was running before it counted: lift the block its count set.
    db().$executeRaw`
      UPDATE "LoginThrottle"
      SET "failures" = GREATEST("failures" - 1, 0),
          "blockedUntil" = CASE WHEN "failures" - 1 < ${firstWaitAt} THEN NULL ELSE "blockedUntil" END
      WHERE "scope" = 'ADDRESS' AND "subject" = ${address}`,
  ]);
}

/** Clears an email's failures and block (a success, or an administrator's password reset). */
export function forgetAccountFailures(options: { email: string }) {
  return db().loginThrottle.deleteMany({ where: { scope: 'ACCOUNT', subject: options.email } });
}

/** Drops counters idle for LOGIN_THROTTLE_MEMORY_SECONDS whose block has run out. */
export async function purgeIdleLoginThrottles(options: { now: Date }): Promise<{ deleted: number }> {
  const cutoff = new Date(options.now.getTime() - LOGIN_THROTTLE_MEMORY_SECONDS * 1000);
  const { count } = await db().loginThrottle.deleteMany({
    where: { lastAttemptAt: { lt: cutoff }, OR: [{ blockedUntil: null }, { blockedUntil: { lte: options.now } }] },
  });
  return { deleted: count };
}
