import { cron } from 'inngest';
import { inngest } from '@/inngest/client';
import { expireDuePayments } from '@/server/core/payments/expire-due-payments';
import { queryDuePayments } from '@/server/core/payments/query-due-payments';
import { refundDueDuplicates } from '@/server/core/payments/refund-due-duplicates';
import { queryDueRefunds } from '@/server/core/refunds/sync-refund';

// Each sweep claims its rows with SKIP LOCKED, so overlapping runs or several servers are safe; the
// concurrency limit only saves work. One function per sweep: a failing channel stalls no other sweep.

/** Active query of PENDING attempts whose query is due (callbacks can be lost or forged). */
export const queryDuePaymentsJob = inngest.createFunction(
  { id: 'payments-query-due', triggers: [cron('* * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('query-due-payments', () => queryDuePayments({ now: new Date() })),
);

/** Closes PENDING attempts past their expiry at the channel and locally. */
export const expireDuePaymentsJob = inngest.createFunction(
  { id: 'payments-expire-due', triggers: [cron('* * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('expire-due-payments', () => expireDuePayments({ now: new Date() })),
);

/** Active query of PROCESSING refunds whose query is due. */
export const queryDueRefundsJob = inngest.createFunction(
  { id: 'refunds-query-due', triggers: [cron('* * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('query-due-refunds', () => queryDueRefunds({ now: new Date() })),
);

/** Refunds duplicate payments whose immediate automatic refund failed to be recorded. */
export const refundDueDuplicatesJob = inngest.createFunction(
  { id: 'payments-refund-duplicates', triggers: [cron('*/5 * * * *')], concurrency: { limit: 1 } },
  async ({ step }) => step.run('refund-due-duplicates', () => refundDueDuplicates()),
);
