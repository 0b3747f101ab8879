import { env } from '@/server/config/env';
import { db, type Tx } from '@/server/db/client';
import type { AlertKind } from '@/server/db/generated/client';
import { newId } from '@/server/lib/ids';
import { alertMessage } from './alert-message';

/** A subject's alerts are held this long after the first, so a burst arriving together is one message. */
export const GROUP_WAIT_MS = 30_000;
/** After a message about a (kind, subject), its next alerts wait for the window's end and go as one message saying how many. */
export const BURST_WINDOW_MS = 10 * 60_000;
const MAX_ALERTS = 5_000;

interface AlertRow {
  id: string;
  kind: AlertKind;
  companyId: string | null;
  serialNo: string | null;
  message: string;
  details: unknown;
  createdAt: Date;
}

/** What a burst is about: its payment, else its company, else the platform. */
const subjectOf = (alert: AlertRow) => alert.serialNo ?? alert.companyId ?? 'platform';

function dashboardLink(alert: AlertRow): string {
  const base = env().PAYCENTER_BASE_URL.replace(/\/+$/, '');
  if (alert.serialNo) return `${base}/payments/${encodeURIComponent(alert.serialNo)}`;
  const eventId = (alert.details as { eventId?: unknown } | null)?.eventId;
  if (typeof eventId === 'string') return `${base}/webhooks/${encodeURIComponent(eventId)}`;
  return base;
}

function groupBySubject(alerts: AlertRow[]): AlertRow[][] {
  const groups = new Map<string, AlertRow[]>();
  for (const alert of alerts) {
    const key = `${alert.kind}\u0000${subjectOf(alert)}`;
    const group = groups.get(key);
    if (group) group.push(alert);
    else groups.set(key, [alert]);
  }
  return [...groups.values()];
}

/** True when the burst must wait: still gathering, or a message about the same subject went out within the window. */
async function mustWait(tx: Tx, burst: AlertRow[], now: Date): Promise<boolean> {
  const first = burst[0]!;
  if (now.getTime() - first.createdAt.getTime() < GROUP_WAIT_MS) return true;
  const recent = await tx.dingtalkMessage.findFirst({
    where: { alertKind: first.kind, subject: subjectOf(first), createdAt: { gt: new Date(now.getTime() - BURST_WINDOW_MS) } },
    select: { id: true },
  });
  return recent !== null;
}

/** The robots a company's alert goes to: the platform's (every alert) and the company's own enabled ones. */
async function robotIdsFor(tx: Tx, companyId: string | null): Promise<(string | null)[]> {
  const platform = env().PAYCENTER_DINGTALK_WEBHOOK ? [null] : [];
  if (!companyId) return platform;
  const robots = await tx.dingtalkRobot.findMany({ where: { companyId, enabled: true }, select: { id: true }, orderBy: { createdAt: 'asc' } });
  return [...platform, ...robots.map((robot) => robot.id)];
}

async function routeBurst(tx: Tx, burst: AlertRow[], now: Date): Promise<number> {
  const first = burst[0]!;
  const last = burst[burst.length - 1]!;
  const company = first.companyId ? await tx.propertyCompany.findUnique({ where: { id: first.companyId }, select: { name: true } }) : null;
  const { title, text } = alertMessage({
    kind: first.kind,
    serialNo: first.serialNo,
    companyName: company?.name ?? null,
    count: burst.length,
    firstAt: first.createdAt,
    lastAt: last.createdAt,
    message: last.message,
    link: dashboardLink(last),
  });
  const robotIds = await robotIdsFor(tx, first.companyId);
  await tx.dingtalkMessage.createMany({
    data: robotIds.map((robotId) => ({
      id: newId('dtm'),
      robotId,
      companyId: first.companyId,
      alertKind: first.kind,
      subject: subjectOf(first),
      alertCount: burst.length,
      title,
      text,
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
  // Marked even when no robot is configured: the alert has been through routing and stays on record.
  await tx.alert.updateMany({ where: { id: { in: burst.map((alert) => alert.id) } }, data: { notifiedAt: now } });
  return robotIds.length;
}

/**
 * Turns alerts not yet notified into DingTalk outbox rows: one message per (kind, subject) burst
 * and robot. One router at a time (a transaction-scoped advisory lock): another instance skips.
 */
export async function routeAlerts(now: Date): Promise<{ messages: number }> {
  return db().$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(hashtext('paycenter:dingtalk-route-alerts')) AS locked`;
    if (!locked) return { messages: 0 };
    const alerts = await tx.$queryRaw<AlertRow[]>`
      SELECT "id", "kind", "companyId", "serialNo", "message", "details", "createdAt" FROM "Alert"
      WHERE "notifiedAt" IS NULL AND "createdAt" <= ${now}
      ORDER BY "createdAt", "id" LIMIT ${MAX_ALERTS}`;
    let messages = 0;
    for (const burst of groupBySubject(alerts)) {
      if (!(await mustWait(tx, burst, now))) messages += await routeBurst(tx, burst, now);
    }
    return { messages };
  });
}
