// The alerts page's services: each company sees its own alerts (platform-wide ones: platform admins
// only), acknowledging and resolving are audited transitions that race safely, and an alert's
// DingTalk sends are shown without the robot's token.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import type { AlertSeverity } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { newId } from '@/server/lib/ids';
import { raiseAlert, type AlertFact } from '@/server/messaging/raise-alert';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { acknowledgeAlert } from './acknowledge-alert';
import { getAlert } from './get-alert';
import { listAlerts, listAlertsInput } from './list-alerts';
import { resolveAlert, resolveAlertInput } from './resolve-alert';

type User = Awaited<ReturnType<typeof makeUser>>;
let admin: User;
let staffA: User;
let adminA: User;
let auditorA: User;
let staffB: User;

beforeAll(async () => {
  admin = await platformAdmin();
  const companyA = await makeCompany(admin, 'Company A');
  const companyB = await makeCompany(admin, 'Company B');
  staffA = await makeUser('COMPANY_STAFF', companyA.id);
  adminA = await makeUser('COMPANY_ADMIN', companyA.id);
  auditorA = await makeUser('AUDITOR', companyA.id);
  staffB = await makeUser('COMPANY_STAFF', companyB.id);
});

const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof AppError ? error.code : String(error)));

/** Raises a fresh alert and returns its row; a severity other than its rule's is set afterwards, as an admin's rule would. */
async function raise({ severity, ...fact }: Partial<AlertFact> & { companyId: string | null; severity?: AlertSeverity }) {
  const subject = fact.subject ?? `test:${randomUUID()}`;
  await raiseAlert(db(), { kind: 'CALLBACK_REJECTED', message: 'Bad signature on a callback', ...fact, subject });
  const alert = await db().alert.findFirstOrThrow({ where: { subject, status: { not: 'RESOLVED' } } });
  return severity ? db().alert.update({ where: { id: alert.id }, data: { severity } }) : alert;
}

const list = (actor: User, input: Partial<ReturnType<typeof listAlertsInput.parse>> = {}) => listAlerts({ actor, input: listAlertsInput.parse(input) });
const ids = (page: { items: { id: string }[] }) => page.items.map((alert) => alert.id);

describe('alerts in scope', () => {
  it('shows a company its own alerts, and platform-wide ones to platform admins only', async () => {
    const ofA = await raise({ companyId: staffA.companyId, severity: 'CRITICAL' });
    const ofB = await raise({ companyId: staffB.companyId });
    const platformWide = await raise({ kind: 'JOB_FAILING', companyId: null, subject: `job:${randomUUID()}` });

    const seenByA = ids(await list(staffA, { limit: 100 }));
    expect(seenByA).toContain(ofA.id);
    expect(seenByA).not.toContain(ofB.id);
    expect(seenByA).not.toContain(platformWide.id);
    // Naming another company changes nothing for a company user.
    expect(ids(await list(staffA, { companyId: staffB.companyId!, limit: 100 }))).not.toContain(ofB.id);
    expect(ids(await list(admin, { limit: 100 }))).toEqual(expect.arrayContaining([ofA.id, ofB.id, platformWide.id]));
    expect(ids(await list(admin, { companyId: staffB.companyId!, limit: 100 }))).toEqual([ofB.id]);

    for (const alertId of [ofB.id, platformWide.id]) {
      expect(await code(getAlert({ actor: staffA, input: { alertId } }))).toBe('NOT_FOUND');
      expect(await code(acknowledgeAlert({ actor: adminA, input: { alertId } }))).toBe('NOT_FOUND');
      expect(await code(resolveAlert({ actor: adminA, input: { alertId, note: 'not mine' } }))).toBe('NOT_FOUND');
    }
    expect(await getAlert({ actor: admin, input: { alertId: platformWide.id } })).toMatchObject({ company: null, kind: 'JOB_FAILING' });
    expect(await db().alert.findUniqueOrThrow({ where: { id: ofB.id } })).toMatchObject({ status: 'OPEN', acknowledgedAt: null });
  });

  it('lets an auditor read but neither acknowledge nor resolve', async () => {
    const alert = await raise({ companyId: auditorA.companyId });
    expect(await getAlert({ actor: auditorA, input: { alertId: alert.id } })).toMatchObject({ id: alert.id, status: 'OPEN' });
    expect(await code(acknowledgeAlert({ actor: auditorA, input: { alertId: alert.id } }))).toBe('FORBIDDEN');
    expect(await code(resolveAlert({ actor: auditorA, input: { alertId: alert.id, note: 'done' } }))).toBe('FORBIDDEN');
  });

  it('filters by status, kind, severity and last-seen time, newest first, a cursor page at a time', async () => {
    const company = await makeCompany(admin);
    const reader = await makeUser('COMPANY_STAFF', company.id);
    const raised: Awaited<ReturnType<typeof raise>>[] = [];
    for (let index = 0; index < 5; index += 1) raised.push(await raise({ companyId: company.id, severity: index === 0 ? 'INFO' : 'WARNING' }));
    const duplicate = await raise({ companyId: company.id, kind: 'DUPLICATE_PAYMENT' });
    await resolveAlert({ actor: reader, input: { alertId: raised[1]!.id, note: 'fixed' } });

    const newestFirst = [duplicate, ...raised].filter((alert) => alert.id !== raised[1]!.id).sort((x, y) => y.lastSeenAt.getTime() - x.lastSeenAt.getTime() || (y.id < x.id ? -1 : 1));
    const first = await list(reader, { limit: 2 });
    const second = await list(reader, { limit: 2, cursor: first.nextCursor! });
    const third = await list(reader, { limit: 2, cursor: second.nextCursor! });
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(newestFirst.map((alert) => alert.id));
    expect(third.nextCursor).toBeNull();

    expect(ids(await list(reader, { statuses: ['RESOLVED'] }))).toEqual([raised[1]!.id]);
    expect(ids(await list(reader, { kind: 'DUPLICATE_PAYMENT' }))).toEqual([duplicate.id]);
    expect(ids(await list(reader, { severity: 'INFO' }))).toEqual([raised[0]!.id]);
    expect(ids(await list(reader, { search: duplicate.subject }))).toEqual([duplicate.id]);
    expect(ids(await list(reader, { from: new Date(duplicate.lastSeenAt.getTime() + 1) }))).toEqual([]);
    expect(ids(await list(reader, { to: raised[0]!.lastSeenAt }))).toEqual([raised[0]!.id]);
  });

  it('rejects malformed input naming the field', async () => {
    const error = await list(staffA, { cursor: 'bm90LWEtY3Vyc29y' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { cursor: expect.any(String) } } });
    const range = await list(staffA, { from: new Date('2026-12-02'), to: new Date('2026-12-01') }).catch((caught: unknown) => caught);
    expect(range).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { to: expect.any(String) } } });
    expect(resolveAlertInput.safeParse({ alertId: 'alr_x', note: '   ' }).error?.issues[0]?.path).toEqual(['note']);
    expect(resolveAlertInput.safeParse({ alertId: 'alr_x', note: 'x'.repeat(501) }).success).toBe(false);
    expect(resolveAlertInput.parse({ alertId: 'alr_x', note: '  restarted the job  ' }).note).toBe('restarted the job');
  });
});

describe('acknowledging and resolving', () => {
  it('acknowledges once, resolves with a note, and audits both', async () => {
    const alert = await raise({ companyId: staffA.companyId });
    const acknowledged = await acknowledgeAlert({ actor: staffA, input: { alertId: alert.id }, request: { ip: '198.51.100.7' } });
    expect(acknowledged).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: { id: staffA.userId, email: staffA.email } });
    // Again: nothing changes, nothing more is recorded.
    expect(await acknowledgeAlert({ actor: adminA, input: { alertId: alert.id } })).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: { id: staffA.userId } });

    const resolved = await resolveAlert({ actor: adminA, input: { alertId: alert.id, note: 'Rotated the channel key' } });
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolutionNote: 'Rotated the channel key', resolvedBy: { id: adminA.userId } });
    // The same person's retry is fine; acknowledging a resolved alert is a conflict, never a reopening.
    expect(await resolveAlert({ actor: adminA, input: { alertId: alert.id, note: 'Rotated the channel key' } })).toMatchObject({ status: 'RESOLVED' });
    expect(await code(acknowledgeAlert({ actor: staffA, input: { alertId: alert.id } }))).toBe('CONFLICT');
    expect(await code(resolveAlert({ actor: staffA, input: { alertId: alert.id, note: 'Something else' } }))).toBe('CONFLICT');

    const audit = await db().auditLog.findMany({ where: { targetType: 'Alert', targetId: alert.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => [row.action, row.actorId, row.companyId])).toEqual([
      ['alert.acknowledge', staffA.userId, staffA.companyId],
      ['alert.resolve', adminA.userId, staffA.companyId],
    ]);
    expect(audit[0]!.ip).toBe('198.51.100.7');
    expect(audit[1]!.summary).toMatchObject({ before: { status: 'ACKNOWLEDGED', resolutionNote: null }, after: { status: 'RESOLVED', resolutionNote: 'Rotated the channel key' } });

    // The next fact about the same subject opens a new alert; the resolved one keeps its record.
    const reopened = await raise({ companyId: staffA.companyId, subject: alert.subject });
    expect(reopened.id).not.toBe(alert.id);
    expect(reopened.status).toBe('OPEN');
  });

  it('lets exactly one of two racing acknowledgements and one of two racing resolutions win', async () => {
    const alert = await raise({ companyId: staffA.companyId });
    const acknowledgements = await Promise.all([acknowledgeAlert({ actor: staffA, input: { alertId: alert.id } }), acknowledgeAlert({ actor: adminA, input: { alertId: alert.id } })]);
    expect(acknowledgements.map((result) => result.status)).toEqual(['ACKNOWLEDGED', 'ACKNOWLEDGED']);
    const winner = acknowledgements[0]!.acknowledgedBy!.id;
    expect(acknowledgements[1]!.acknowledgedBy!.id).toBe(winner);

    const resolutions = await Promise.allSettled([
      resolveAlert({ actor: staffA, input: { alertId: alert.id, note: 'Fixed by staff' } }),
      resolveAlert({ actor: adminA, input: { alertId: alert.id, note: 'Fixed by admin' } }),
    ]);
    expect(resolutions.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const loser = resolutions.find((result) => result.status === 'rejected');
    expect(loser?.reason).toMatchObject({ code: 'CONFLICT', message: 'The alert is already resolved.' });

    const row = await db().alert.findUniqueOrThrow({ where: { id: alert.id } });
    const audit = await db().auditLog.findMany({ where: { targetType: 'Alert', targetId: alert.id } });
    expect(audit.filter((entry) => entry.action === 'alert.acknowledge').map((entry) => entry.actorId)).toEqual([winner]);
    expect(audit.filter((entry) => entry.action === 'alert.resolve').map((entry) => [entry.actorId, (entry.summary as { after: { resolutionNote: string } }).after.resolutionNote])).toEqual([
      [row.resolvedById, row.resolutionNote],
    ]);
  });
});

describe('an alert’s DingTalk sends', () => {
  it('lists its own messages with the robot’s name, never its token', async () => {
    const robot = await db().dingtalkRobot.create({
      data: { id: newId('dtr'), companyId: staffA.companyId!, name: '值班群', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=tok123', secretSealed: 'sealed', secretHint: 'ABCD' },
    });
    const alert = await raise({ companyId: staffA.companyId });
    const message = (fields: { robotId: string | null; createdAt: Date; companyId?: string | null; errmsg?: string }) =>
      db().dingtalkMessage.create({
        data: { id: newId('dtm'), companyId: staffA.companyId, alertKind: alert.kind, subject: alert.subject, alertCount: 1, title: 't', text: 'x', nextAttemptAt: fields.createdAt, status: 'FAILED', errcode: 310000, ...fields },
      });
    const before = await message({ robotId: robot.id, createdAt: new Date(alert.createdAt.getTime() - 60_000) });
    const own = await message({ robotId: robot.id, createdAt: new Date(alert.createdAt.getTime() + 1), errmsg: 'fetch failed for https://oapi.dingtalk.com/robot/send?access_token=tok123&timestamp=1&sign=abc' });
    const platform = await message({ robotId: null, createdAt: new Date(alert.createdAt.getTime() + 2) });

    // The next alert about the same subject has the messages from its opening on.
    await resolveAlert({ actor: adminA, input: { alertId: alert.id, note: 'done' } });
    const next = await raise({ companyId: staffA.companyId, subject: alert.subject });
    const after = await message({ robotId: robot.id, createdAt: new Date(next.createdAt.getTime() + 1_000) });

    const detail = await getAlert({ actor: adminA, input: { alertId: alert.id } });
    expect(detail.sends.map((send) => send.id)).toEqual([own.id, platform.id]);
    expect(detail.sends.map((send) => send.id)).not.toContain(before.id);
    expect((await getAlert({ actor: adminA, input: { alertId: next.id } })).sends.map((send) => send.id)).toEqual([after.id]);
    expect(detail.sends[0]).toMatchObject({ robot: { id: robot.id, name: '值班群' }, status: 'FAILED', errcode: 310000 });
    expect(detail.sends[1]!.robot).toBeNull();
    expect(JSON.stringify(detail)).not.toMatch(/tok123|sign=abc|sealed/);
  });

  it('redacts secrets in the details', async () => {
    const alert = await raise({ companyId: staffA.companyId, details: { eventId: 'evt_1', url: 'https://app.example.com/hook', apiSecret: 'hunter2' } });
    const detail = await getAlert({ actor: staffA, input: { alertId: alert.id } });
    expect(detail.details).toEqual({ eventId: 'evt_1', url: 'https://app.example.com/hook', apiSecret: '[REDACTED]' });
    expect(detail.eventId).toBe('evt_1');
  });
});
