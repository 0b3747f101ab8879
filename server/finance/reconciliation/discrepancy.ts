// What a reconciliation finds: one line where PayCenter and the channel disagree, both sides kept, and
// why, as a code and its figures: the dashboard and the export say it in the reader's language.
import type { ReconciliationDiscrepancyKind } from '@/server/db/generated/client';

export type RecordKind = 'payment' | 'refund';

/** Why a line is a discrepancy; the params named …Amount are fen. */
export type DiscrepancyReason =
  /** Bill line: succeeded with us, in another state at the channel (REVOKED, PROCESSING...). */
  | { code: 'NOT_SUCCEEDED_AT_CHANNEL'; params: { channelStatus: string } }
  /** Succeeded at the channel; with us in another state, or succeeded at `at`, far from the day. */
  | { code: 'NOT_SUCCEEDED_WITH_US'; params: { ourStatus: string; at: string | null } }
  /** `channelAmount` null: a channel's query answer that said paid without an amount. */
  | { code: 'AMOUNT_DIFFERS'; params: { ourAmount: number; channelAmount: number | null } }
  | { code: 'CHANNEL_NUMBER_DIFFERS'; params: { ourNo: string; channelNo: string } }
  | { code: 'LISTED_TWICE'; params: Record<string, never> }
  | { code: 'NOT_RECORDED'; params: { record: RecordKind } }
  | { code: 'NOT_IN_BILLS'; params: { record: RecordKind } }
  | { code: 'BILL_FIGURES_DIFFER'; params: { declared: string; paymentCount: number; paymentAmount: number; refundCount: number; refundAmount: number } }
  /** A channel without bills, asked about one order: */
  | { code: 'UNKNOWN_TO_CHANNEL'; params: Record<string, never> }
  | { code: 'STATES_DIFFER'; params: { ourStatus: string; channelStatus: string } };

export interface Discrepancy {
  kind: ReconciliationDiscrepancyKind;
  serialNo: string | null;
  refundSerialNo: string | null;
  channelTradeNo: string | null;
  channelRefundNo: string | null;
  ourAmount: number | null;
  ourStatus: string | null;
  channelAmount: number | null;
  channelStatus: string | null;
  billLine: number | null;
  reason: DiscrepancyReason;
}

/** A discrepancy with the sides it has; what it lacks is null. */
export function discrepancy(found: Partial<Discrepancy> & Pick<Discrepancy, 'kind' | 'reason'>): Discrepancy {
  return {
    serialNo: null,
    refundSerialNo: null,
    channelTradeNo: null,
    channelRefundNo: null,
    ourAmount: null,
    ourStatus: null,
    channelAmount: null,
    channelStatus: null,
    billLine: null,
    ...found,
  };
}

/** The columns a discrepancy is stored in. */
export function discrepancyColumns(found: Discrepancy) {
  const { reason, ...sides } = found;
  return { ...sides, reason: reason.code, reasonParams: reason.params };
}

export interface Totals {
  paymentCount: number;
  paymentAmount: number;
  refundCount: number;
  refundAmount: number;
}

export const NO_TOTALS: Totals = { paymentCount: 0, paymentAmount: 0, refundCount: 0, refundAmount: 0 };
