// What the simulators' notification outboxes share: a row per notify, attempted until the receiver
// acknowledges it, on the channel's retry schedule. Each attempt first claims the row with a conditional
// update, so several server instances (or a job and a payment) never send the same attempt twice.
// Each simulator supplies what is sent, how it is signed and what counts as acknowledged.

const SEND_TIMEOUT_MS = 10_000;

export interface DeliveryOutcome {
  ok: boolean;
  detail: string;
  /** No later attempt can succeed (the merchant is gone): give up now instead of retrying. */
  final?: boolean;
}

interface OutboxRow {
  id: string;
  attempts: number;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/** The operations of a simulator's notification model that delivery uses; its Prisma delegate fits. */
export interface OutboxTable<Row extends OutboxRow> {
  findUnique(args: { where: { id: string } }): PromiseLike<Row | null>;
  findMany(args: {
    where: { nextAttemptAt: { lte: Date }; deliveredAt: null };
    orderBy: { nextAttemptAt: 'asc' };
    take: number;
    select: { id: true };
  }): PromiseLike<{ id: string }[]>;
  updateMany(args: { where: { id: string; nextAttemptAt: Date; deliveredAt: null }; data: { nextAttemptAt: Date } }): PromiseLike<{ count: number }>;
  update(args: { where: { id: string }; data: { attempts: number; lastResult: string; deliveredAt?: Date; nextAttemptAt: Date | null } }): PromiseLike<unknown>;
}

export interface NotificationOutbox<Row extends OutboxRow> {
  table: () => OutboxTable<Row>;
  /** The delays after each failed attempt; past the last one the channel gives up. */
  retryDelaysMs: readonly number[];
  send: (row: Row, now: Date) => Promise<DeliveryOutcome>;
}

/** When the attempt numbered `attempts` (1-based) is retried after failing, or null when the schedule is spent. */
function retryAt(retryDelaysMs: readonly number[], attempts: number, now: Date): Date | null {
  const delay = retryDelaysMs[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/** Makes one attempt at a notify if it is due and nobody else claimed it; true when the receiver took it. */
export async function deliverNotification<Row extends OutboxRow>(outbox: NotificationOutbox<Row>, id: string, now: Date): Promise<boolean> {
  const row = await outbox.table().findUnique({ where: { id } });
  if (!row?.nextAttemptAt || row.deliveredAt || row.nextAttemptAt > now) return false;
  const attemptsAfter = row.attempts + 1;
  const retry = retryAt(outbox.retryDelaysMs, attemptsAfter, now);
  // The claim moves the due time to the next retry, so a crash mid-send still leads to a retry.
  const claimed = await outbox.table().updateMany({
    where: { id, nextAttemptAt: row.nextAttemptAt, deliveredAt: null },
    data: { nextAttemptAt: retry ?? new Date(now.getTime() + SEND_TIMEOUT_MS * 2) },
  });
  if (claimed.count !== 1) return false;

  const outcome = await outbox.send(row, now);
  await outbox.table().update({
    where: { id },
    data: {
      attempts: attemptsAfter,
      lastResult: outcome.detail,
      ...(outcome.ok ? { deliveredAt: now, nextAttemptAt: null } : { nextAttemptAt: outcome.final ? null : retry }),
    },
  });
  return outcome.ok;
}

/** For the durable job: one attempt at every notify due by `now`, oldest first. */
export async function deliverDueNotifications<Row extends OutboxRow>(
  outbox: NotificationOutbox<Row>,
  options: { now: Date; limit?: number },
): Promise<{ attempted: number; delivered: number }> {
  const due = await outbox.table().findMany({
    where: { nextAttemptAt: { lte: options.now }, deliveredAt: null },
    orderBy: { nextAttemptAt: 'asc' },
    take: options.limit ?? 100,
    select: { id: true },
  });
  let delivered = 0;
  for (const { id } of due) {
    if (await deliverNotification(outbox, id, options.now)) delivered++;
  }
  return { attempted: due.length, delivered };
}

/**
 * One HTTP attempt, never following redirects; `acknowledged` reads the receiver's answer. Any failure,
 * building the request included, is a failed attempt recorded with its reason.
 */
export async function sendNotificationRequest(
  request: () => Promise<{ url: string; init: RequestInit }> | { url: string; init: RequestInit },
  acknowledged: (status: number, body: string) => boolean,
): Promise<DeliveryOutcome> {
  try {
    const { url, init } = await request();
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    const text = await response.text();
    return { ok: acknowledged(response.status, text), detail: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
