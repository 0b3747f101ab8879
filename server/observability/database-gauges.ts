import { Gauge, type Registry } from 'prom-client';
import { db } from '@/server/db/client';
import { logger } from '@/server/logging/logger';

const ageSeconds = (since: Date | null | undefined, now: number) => (since ? Math.max(0, (now - since.getTime()) / 1000) : 0);

/**
 * A gauge read from the database at scrape time, as values by one label. A database that does not
 * answer leaves the gauge empty rather than failing the whole scrape.
 */
function databaseGauge(registry: Registry, options: { name: string; help: string; label: string; read: () => Promise<[string, number][]> }): void {
  const { name, label, read } = options;
  new Gauge({
    name,
    help: options.help,
    labelNames: [label],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const [key, value] of await read()) this.set({ [label]: key }, value);
      } catch (error) {
        logger().warn({ err: error, metric: name }, 'metric not read from the database');
      }
    },
  });
}

/**
 * Gauges that are facts of the shared database, not of this instance: every instance reports the
 * same value (aggregate them with max, never sum).
 */
export function registerDatabaseGauges(registry: Registry): void {
  const pending = { status: 'PENDING' as const };
  databaseGauge(registry, {
    name: 'paycenter_outbox_backlog',
    help: 'Messages waiting to be sent, by queue (webhook: pending webhook deliveries; dingtalk: pending DingTalk messages).',
    label: 'queue',
    read: async () => {
      const [webhook, dingtalk] = await Promise.all([db().webhookDelivery.count({ where: pending }), db().dingtalkMessage.count({ where: pending })]);
      return [['webhook', webhook], ['dingtalk', dingtalk]];
    },
  });
  databaseGauge(registry, {
    name: 'paycenter_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest message waiting to be sent, by queue (0 when none waits).',
    label: 'queue',
    read: async () => {
      const min = { _min: { createdAt: true as const } };
      const [webhook, dingtalk] = await Promise.all([db().webhookDelivery.aggregate({ where: pending, ...min }), db().dingtalkMessage.aggregate({ where: pending, ...min })]);
      const now = Date.now();
      return [['webhook', ageSeconds(webhook._min.createdAt, now)], ['dingtalk', ageSeconds(dingtalk._min.createdAt, now)]];
    },
  });
  databaseGauge(registry, {
    name: 'paycenter_job_last_run_age_seconds',
    help: 'Seconds since a background job last started a run on any instance.',
    label: 'job',
    read: async () => {
      const states = await db().jobState.findMany({ where: { lastRunAt: { not: null } }, select: { id: true, lastRunAt: true } });
      const now = Date.now();
      return states.map((state) => [state.id, ageSeconds(state.lastRunAt, now)]);
    },
  });
}
