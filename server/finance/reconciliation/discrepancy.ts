// What a reconciliation finds: one line where PayCenter and the channel disagree, both sides kept.
import type { ReconciliationDiscrepancyKind } from '@/server/db/generated/client';

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
  detail: string;
}

/** A discrepancy with the sides it has; what it lacks is null. */
export function discrepancy(found: Partial<Discrepancy> & Pick<Discrepancy, 'kind' | 'detail'>): Discrepancy {
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

export interface Totals {
  paymentCount: number;
  paymentAmount: number;
  refundCount: number;
  refundAmount: number;
}

export const NO_TOTALS: Totals = { paymentCount: 0, paymentAmount: 0, refundCount: 0, refundAmount: 0 };
