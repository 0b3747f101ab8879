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

export interface Totals {
  paymentCount: number;
  paymentAmount: number;
  refundCount: number;
  refundAmount: number;
}

export const NO_TOTALS: Totals = { paymentCount: 0, paymentAmount: 0, refundCount: 0, refundAmount: 0 };
