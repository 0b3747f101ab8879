import type { AlertKind, Prisma } from '@/server/db/generated/client';
import type { Db, Tx } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { logger } from '@/server/logging/logger';
import { metrics } from '@/server/observability/metrics';

/**
 * Records something staff must look at (a duplicate payment, an amount mismatch...). Monitoring
 * delivers unsent alerts to DingTalk; the row is the record either way.
 */
export async function raiseAlert(
  client: Db | Tx,
  alert: { kind: AlertKind; companyId: string | null; serialNo?: string | null; message: string; details?: Record<string, unknown> },
): Promise<void> {
  await client.alert.create({
    data: {
      id: newId('alr'),
      kind: alert.kind,
      companyId: alert.companyId,
      serialNo: alert.serialNo ?? null,
      message: alert.message,
      details: (alert.details ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  metrics().alertsRaised.inc({ kind: alert.kind });
  logger().warn({ alert: alert.kind, serialNo: alert.serialNo, companyId: alert.companyId }, alert.message);
}
