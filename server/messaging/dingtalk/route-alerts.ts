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
  subject: string;
  message: string;
  details: unknown;
  occurrences: number;
  notifiedOccurrences: number;
  createdAt: Date;
  lastSeenAt: Date;
  notifiedAt: Date | null;
}

function dashboardLink(alert: AlertRow): string {
  const base = env().PAYCENTER_BASE_URL.replace(/\/+$/, '');
  if (alert.serialNo) return `${base}/payments/${encodeURIComponent(alert.serialNo)}`;
  const eventId = (alert.details as { eventId?: unknown } | null)?.eventId;
  if (typeof eventId === 'string') return `${base}/webhooks/${encodeURIComponent(eventId)}`;
  // Anything else (a channel, a job, a certificate, a reconciliation day): the alert's own page links on.
  return `${base}/alerts/${encodeURIComponent(alert.id)}`;
}

/**
 * True when the alert's new occurrences must wait: a new alert gathers for GROUP_WAIT_MS, and after a
 * message about it the next occurrences wait for the burst window's end and go as one message.
 */
function mustWait(alert: AlertRow, now: Date): boolean {
  if (alert.notifiedAt) return now.getTime() - alert.notifiedAt.getTime() < BURST_WINDOW_MS;
  return now.getTime() - alert.createdAt.getTime() < GROUP_WAIT_MS;
}

/** The robots a company's alert goes to: the platform's (every alert) and the company's own enabled ones. */
async function robotIdsFor(tx: Tx, companyId: string | null): Promise<(string | null)[]> {
  const platform = env().PAYCENTER_DINGTALK_WEBHOOK ? [null] : [];
  if (!companyId) return platform;
  const robots = await tx.dingtalkRobot.findMany({ where: { companyId, enabled: true }, select: { id: true }, orderBy: { createdAt: 'asc' } });
  return [...platform, ...robots.map((robot) => robot.id)];
}

async function routeBurst(tx: Tx, alert: AlertRow, now: Date): Promise<number> {
  const count = alert.occurrences - alert.notifiedOccurrences;
  const company = alert.companyId ? await tx.propertyCompany.findUnique({ where: { id: alert.companyId }, select: { name: true } }) : null;
  const { title, text } = alertMessage({
    kind: alert.kind,
    serialNo: alert.serialNo,
    companyName: company?.name ?? null,
    count,
    // Occurrences after a message are counted from that message on.
    firstAt: alert.notifiedAt ?? alert.createdAt,
    lastAt: alert.lastSeenAt,
    message: alert.message,
    link: dashboardLink(alert),
  });
  const robotIds = await robotIdsFor(tx, alert.companyId);
  await tx.dingtalkMessage.createMany({
    data: robotIds.map((robotId) => ({
      id: newId('dtm'),
      robotId,
      companyId: alert.companyId,
      alertKind: alert.kind,
      subject: alert.subject,
      alertCount: count,
      title,
      text,
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
  // Marked even when no robot is configured: the occurrences have been through routing and stay on record.
  // The count read, not the live one: an occurrence raised meanwhile goes with the next burst.
  await tx.alert.update({ where: { id: alert.id }, data: { notifiedAt: now, notifiedOccurrences: alert.occurrences } });
  return robotIds.length;
}

/**
 * Turns alert occurrences not yet notified into DingTalk outbox rows: one message per alert's burst
 * and robot. One router at a time (a transaction-scoped advisory lock): another instance skips.
 */
export async function routeAlerts(now: Date): Promise<{ messages: number }> {
  return db().$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(hashtext('paycenter:dingtalk-route-alerts')) AS locked`;
    if (!locked) return { messages: 0 };
    const alerts = await tx.$queryRaw<AlertRow[]>`
      SELECT "id", "kind", "companyId", "serialNo", "subject", "message", "details", "occurrences", "notifiedOccurrences",
        "createdAt", "lastSeenAt", "notifiedAt" FROM "Alert"
      WHERE "occurrences" > "notifiedOccurrences" AND "createdAt" <= ${now}
      ORDER BY "lastSeenAt", "id" LIMIT ${MAX_ALERTS}`;
    let messages = 0;
    for (const alert of alerts) {
      if (!mustWait(alert, now)) messages += await routeBurst(tx, alert, now);
    }
    return { messages };
  });
}
