import type { BadgeTone } from '@/components/ui/badge';
import type { RouterOutputs } from '../../router-outputs';

export type PaymentSplits = RouterOutputs['paymentSplits']['get'];
export type SplitRow = PaymentSplits['splits'][number];
export type SplitLineRow = SplitRow['lines'][number];
export type SplitReturnRow = SplitRow['returns'][number];
export type SplitTimelineEntry = PaymentSplits['timeline'][number];

export const splitTones: Record<SplitRow['status'], BadgeTone> = { PROCESSING: 'amber', SUCCEEDED: 'green', FAILED: 'red' };

/** Where the payment's splitting stands: open, its finish asked of the channel, or done. */
export function splittingState(splits: Pick<PaymentSplits, 'finishRequestedAt' | 'finishedAt'>): 'OPEN' | 'FINISHING' | 'FINISHED' {
  if (splits.finishedAt) return 'FINISHED';
  return splits.finishRequestedAt ? 'FINISHING' : 'OPEN';
}
