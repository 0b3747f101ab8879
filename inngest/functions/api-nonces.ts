import { cron } from 'inngest';
import { inngest } from '@/inngest/client';
import { purgeExpiredNonces } from '@/server/http/purge-expired-nonces';

/** Used API nonces are needed only while their timestamps are acceptable; drop the rest. */
export const purgeApiNonces = inngest.createFunction(
  { id: 'api-nonces-purge', triggers: [cron('*/5 * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('purge-expired-nonces', () => purgeExpiredNonces({ now: new Date() })),
);
