import type { Actor, RequestMeta } from '@/server/backend/audit/record-audit';
import { effectiveStatus } from '@/server/contract/payment';
import { db } from '@/server/db/client';
import { toBeijingTime } from '@/server/gateway/beijing-time';
import { fenToYuan } from '@/server/gateway/yuan';
import { spreadsheetText as text } from '@/server/lib/csv';
import { EXPORT_BATCH, exportFile, ORDER_NAMES, startExport, type ExportQuery } from './export-file';

export const PAYMENT_EXPORT_COLUMNS = [
  'serialNo', 'orderNo', 'channelTradeNo', 'company', 'merchant', 'app', 'channel', 'invokeMethod', 'status',
  'amount', 'refundedAmount', 'subject', 'livemode', 'createdAt', 'paidAt',
] as const;

export type PaymentExportColumn = (typeof PAYMENT_EXPORT_COLUMNS)[number];

/**
 * The payments a list filter selects, as CSV for Excel (see `csvStream`): one row per attempt in serial
 * number order (which is creation order), amounts in yuan, times in Beijing time, codes for statuses and
 * channels (the same in every language), the header in the requester's language (`heading`). An attempt
 * created while the file streams may appear at its end (see `exportFile`).
 */
export async function exportPaymentsCsv(options: { actor: Actor; input: ExportQuery; heading: (column: PaymentExportColumn) => string; request?: RequestMeta; now?: Date }) {
  const now = options.now ?? new Date();
  const { payments, total } = await startExport({ ...options, action: 'payments.export', now, count: (where) => db().payment.count({ where }) });
  return exportFile({
    what: 'payments',
    now,
    header: PAYMENT_EXPORT_COLUMNS.map(options.heading),
    total,
    read: (after) =>
      db().payment.findMany({
        where: { AND: [payments, { serialNo: { gt: after } }] },
        orderBy: { serialNo: 'asc' },
        take: EXPORT_BATCH,
        select: {
          serialNo: true, channelTradeNo: true, channel: true, invokeMethod: true, status: true, expiresAt: true, amount: true, refundedAmount: true,
          subject: true, livemode: true, createdAt: true, paidAt: true, order: { select: ORDER_NAMES },
        },
      }),
    lines: (rows) =>
      rows.map((row) => [
        row.serialNo, text(row.order.orderNo), text(row.channelTradeNo), text(row.order.merchant.company.name), text(row.order.merchant.name), text(row.order.app.name),
        row.channel ?? '', row.invokeMethod, effectiveStatus(row, now), fenToYuan(row.amount), fenToYuan(row.refundedAmount), text(row.subject),
        row.livemode ? 'LIVE' : 'TEST', toBeijingTime(row.createdAt), row.paidAt ? toBeijingTime(row.paidAt) : '',
      ]),
  });
}
