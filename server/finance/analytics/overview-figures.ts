/** The summed rollup columns of a period or a slice of it, as read from SQL (amounts in fen). */
export interface RollupSums {
  orders: number;
  attempts: number;
  succeededCount: number;
  succeededAmount: number;
  duplicateCount: number;
  failedCount: number;
  refundCount: number;
  refundAmount: number;
}

/**
 * The figures a person reads. Rates are fractions (0.25 = 25 %), null when their denominator is zero,
 * so "no orders" never shows as a 0 % success rate.
 */
export interface OverviewFigures {
  /** Money collected: every paid attempt's amount, duplicates included (their money came in). */
  collected: number;
  /** Paid attempts, duplicates included. */
  payments: number;
  orders: number;
  failed: number;
  /** Orders paid (paid attempts less second payments of a paid order) per order created. */
  successRate: number | null;
  refundCount: number;
  refundAmount: number;
  /** Collected less refunded. */
  net: number;
  /** Collected per paid attempt, rounded to the fen. */
  averageTicket: number | null;
  /** Refunded amount per collected amount. */
  refundRate: number | null;
}

export const ZERO_SUMS: RollupSums = { orders: 0, attempts: 0, succeededCount: 0, succeededAmount: 0, duplicateCount: 0, failedCount: 0, refundCount: 0, refundAmount: 0 };

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function figuresOf(sums: RollupSums): OverviewFigures {
  return {
    collected: sums.succeededAmount,
    payments: sums.succeededCount,
    orders: sums.orders,
    failed: sums.failedCount,
    successRate: ratio(sums.succeededCount - sums.duplicateCount, sums.orders),
    refundCount: sums.refundCount,
    refundAmount: sums.refundAmount,
    net: sums.succeededAmount - sums.refundAmount,
    averageTicket: sums.succeededCount > 0 ? Math.round(sums.succeededAmount / sums.succeededCount) : null,
    refundRate: ratio(sums.refundAmount, sums.succeededAmount),
  };
}
