import { z } from 'zod';
import type { AlertKind, AlertSeverity } from '@/server/db/generated/client';
import { LATENCY_BOUNDS_MS } from '@/server/observability/channel-call-minutes';

const hours = z.number().int().min(1).max(24 * 30);

const definition = <Params extends z.ZodType<Record<string, unknown>>>(severity: AlertSeverity, params: Params, defaults: z.output<Params>) => ({ severity, params, defaults });

/** A kind raised by the fact itself: nothing to tune but whether it is on and how severe it is. */
const noParams = z.object({}).strict();

/**
 * Every alert kind's rule as shipped: its severity and thresholds, which a platform admin may
 * override (AlertRule rows). Facts (a rejected callback, an exhausted webhook) are raised where they
 * happen; the kinds with thresholds are evaluated by the monitoring job (../run-monitoring.ts).
 */
export const ALERT_RULES = {
  DUPLICATE_PAYMENT: definition('WARNING', noParams, {}),
  AMOUNT_MISMATCH: definition('CRITICAL', noParams, {}),
  REFUND_FAILED: definition('CRITICAL', noParams, {}),
  REFUND_STUCK: definition('WARNING', z.object({ hours }).strict(), { hours: 24 }),
  CALLBACK_REJECTED: definition('WARNING', noParams, {}),
  CHANNEL_FAILING: definition(
    'CRITICAL',
    z
      .object({
        windowMinutes: z.number().int().min(1).max(60),
        minCalls: z.number().int().min(1),
        failureRatePercent: z.number().min(1).max(100),
        // Calls are counted above fixed bounds only, so the percentile is judged at one of them.
        p95LatencyMs: z.union(LATENCY_BOUNDS_MS.map((bound) => z.literal(bound))),
      })
      .strict(),
    { windowMinutes: 5, minCalls: 10, failureRatePercent: 20, p95LatencyMs: 5000 },
  ),
  WEBHOOK_EXHAUSTED: definition('WARNING', noParams, {}),
  WEBHOOK_ENDPOINT_FAILING: definition('WARNING', z.object({ hours }).strict(), { hours: 1 }),
  CERTIFICATE_EXPIRING: definition('WARNING', z.object({ days: z.array(z.number().int().min(1).max(365)).min(1).max(5) }).strict(), { days: [30, 7, 1] }),
  RECONCILIATION_DISCREPANCY: definition('WARNING', noParams, {}),
  RECONCILIATION_LATE: definition('WARNING', z.object({ hourBeijing: z.number().int().min(0).max(23) }).strict(), { hourBeijing: 12 }),
  JOB_FAILING: definition('CRITICAL', z.object({ consecutiveFailures: z.number().int().min(1).max(100) }).strict(), { consecutiveFailures: 3 }),
} satisfies Record<AlertKind, ReturnType<typeof definition>>;

export type AlertRuleParams<Kind extends AlertKind> = z.output<(typeof ALERT_RULES)[Kind]['params']>;

/** A rule as it applies now: the catalogue's, overridden by the platform admins' AlertRule row. */
export interface EffectiveAlertRule<Kind extends AlertKind = AlertKind> {
  kind: Kind;
  enabled: boolean;
  severity: AlertSeverity;
  params: AlertRuleParams<Kind>;
  /** False while no admin has changed it. */
  customised: boolean;
}
