import { db } from '@/server/db/client';
import type { AlertKind, Prisma } from '@/server/db/generated/client';
import { raiseAlert, type AlertFact } from '@/server/messaging/raise-alert';

/** A subject for which a rule's condition holds now. */
export interface FailingCondition extends Omit<AlertFact, 'kind' | 'subject'> {
  subject: string;
  /**
   * The step the condition has reached (a certificate's 30 / 7 / 1 days): reaching a new one counts
   * another occurrence on the open alert; without steps, a condition counts once while its alert is open.
   */
  stage?: string;
}

export interface ConditionsOutcome {
  raised: number;
  resolved: number;
}

/** Where an alert records the stage it was last raised at. */
const stageOf = (details: Prisma.JsonValue | null): unknown =>
  typeof details === 'object' && details !== null && !Array.isArray(details) ? details.stage : undefined;

/**
 * A rule about a state (a failing channel, an overdue job) rather than a fact: it holds for a while,
 * and evaluating it every minute must not count an occurrence every minute. So a subject is raised
 * when its condition starts (or reaches a new stage) and its alert is not already open, and an open
 * alert whose condition no longer holds is resolved automatically, saying so. The monitoring job
 * claims its lease, so one instance evaluates at a time.
 */
export async function raiseConditions(options: { kind: AlertKind; failing: readonly FailingCondition[]; now: Date }): Promise<ConditionsOutcome> {
  const { kind, now } = options;
  const open = await db().alert.findMany({ where: { kind, status: { not: 'RESOLVED' } }, select: { id: true, subject: true, details: true } });
  const openBySubject = new Map(open.map((alert) => [alert.subject, alert]));
  let raised = 0;
  for (const { stage, ...condition } of options.failing) {
    const known = openBySubject.get(condition.subject);
    if (known && (stage === undefined || stageOf(known.details) === stage)) continue;
    const details = stage === undefined ? condition.details : { ...condition.details, stage };
    if (await raiseAlert(db(), { kind, ...condition, details })) raised++;
  }
  const failingSubjects = new Set(options.failing.map((condition) => condition.subject));
  const cleared = open.filter((alert) => !failingSubjects.has(alert.subject)).map((alert) => alert.id);
  const { count: resolved } = await db().alert.updateMany({
    where: { id: { in: cleared }, status: { not: 'RESOLVED' } },
    data: { status: 'RESOLVED', resolvedAt: now, resolutionNote: 'Resolved automatically by monitoring: the condition no longer holds.' },
  });
  return { raised, resolved };
}
