import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { fenToYuan } from '@/server/gateway/yuan';
import { spreadsheetText as text } from '@/server/lib/csv';
import { EXPORT_BATCH, exportFile, ORDER_NAMES, startExport, type ExportQuery } from './export-file';

export const REFUND_EXPORT_COLUMNS = [
  'refundSerialNo', 'refundNo', 'serialNo', 'orderNo', 'channelTradeNo', 'channelRefundNo', 'company', 'merchant', 'app', 'channel',
  'status', 'amount', 'reason', 'initiator', 'createdAt', 'succeededAt',
] as const;

export type RefundExportColumn = (typeof REFUND_EXPORT_COLUMNS)[number];

/**
 * The refunds of the payments a list filter selects, as CSV like `exportPaymentsCsv`. The filter (its
 * dates too) chooses payments, as on the list, and every refund of those payments is exported whenever
 * it was made, so the two files of one filter agree payment by payment (refunded amount). Read as
 * batches of the payments that have refunds, each with its refunds, in (serialNo, refundSerialNo) order.
 */
export async function exportRefundsCsv(options: { actor: Actor; input: ExportQuery; heading: (column: RefundExportColumn) => string; request?: RequestMeta; now?: Date }) {
  const now = options.now ?? new Date();
  const { payments, total } = await startExport({ ...options, action: 'refunds.export', now, count: (where) => db().refund.count({ where: { payment: where } }) });
  return exportFile({
    what: 'refunds',
    now,
    header: REFUND_EXPORT_COLUMNS.map(options.heading),
    total,
    read: (after) =>
      db().payment.findMany({
        where: { AND: [payments, { serialNo: { gt: after } }, { refunds: { some: {} } }] },
        orderBy: { serialNo: 'asc' },
        take: EXPORT_BATCH,
        select: { serialNo: true, channelTradeNo: true, channel: true, order: { select: ORDER_NAMES }, refunds: { orderBy: { refundSerialNo: 'asc' } } },
      }),
    lines: (rows) =>
      rows.flatMap((payment) =>
        payment.refunds.map((refund) => [
          refund.refundSerialNo, text(refund.refundNo), payment.serialNo, text(payment.order.orderNo), text(payment.channelTradeNo), text(refund.channelRefundNo),
          text(payment.order.merchant.company.name), text(payment.order.merchant.name), text(payment.order.app.name), payment.channel ?? '',
          refund.status, fenToYuan(refund.amount), text(refund.reason), refund.initiator, toBeijingTime(refund.createdAt), refund.succeededAt ? toBeijingTime(refund.succeededAt) : '',
        ]),
      ),
  });
}
