import type { z } from 'zod';
import { assertCan } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import type { ReconciliationDiscrepancy } from '@/server/db/generated/client';
import { fenToYuan } from '@/server/gateway/yuan';
import { csvLines, spreadsheetText as asText } from '@/server/lib/csv';
import { accountDayInput, findChannelAccount } from './find-channel-account';

export const exportDiscrepanciesCsvInput = accountDayInput;

const HEADER = ['差异类型', '说明', '我方支付流水号', '我方退款流水号', '我方金额(元)', '我方状态', '渠道交易号', '渠道退款单号', '渠道金额(元)', '渠道状态', '账单行', '处理时间', '处理人', '处理备注', '说明代码'];

const yuan = (fen: number | null) => (fen === null ? '' : fenToYuan(fen));

/**
 * A channel account's day of discrepancies as CSV for Excel: UTF-8 with a BOM (so a Chinese Excel reads
 * it as UTF-8), CRLF, amounts in yuan. The export is audited: it carries the company's trade numbers.
 * 说明 is each line's reason as `describe` says it (the door renders it in the requester's language, as
 * the page does); 说明代码 is the reason's code, the same in every language, for filtering and for
 * programs reading the file.
 */
export async function exportDiscrepanciesCsv(options: {
  actor: Actor;
  input: z.infer<typeof exportDiscrepanciesCsvInput>;
  describe: (line: ReconciliationDiscrepancy) => string;
  request?: RequestMeta;
}) {
  assertCan(options.actor, 'reconciliation.read');
  const { paymentChannelId, date } = options.input;
  const account = await findChannelAccount(options.actor, paymentChannelId);
  const lines = await db().reconciliationDiscrepancy.findMany({
    where: { run: { paymentChannelId, runDate: new Date(`${date}T00:00:00Z`) } },
    orderBy: [{ kind: 'asc' }, { serialNo: 'asc' }, { refundSerialNo: 'asc' }],
  });
  const rows = lines.map((line) => [
    line.kind, asText(options.describe(line)), asText(line.serialNo), asText(line.refundSerialNo), yuan(line.ourAmount), asText(line.ourStatus),
    asText(line.channelTradeNo), asText(line.channelRefundNo), yuan(line.channelAmount), asText(line.channelStatus), line.billLine === null ? '' : String(line.billLine),
    line.resolvedAt?.toISOString() ?? '', asText(line.resolvedBy), asText(line.note), line.reason ?? '',
  ]);
  await recordAudit(db(), {
    actor: options.actor,
    action: 'reconciliation.discrepancies.export',
    target: { type: 'PaymentChannel', id: paymentChannelId, companyId: account.companyId },
    summary: { date, lines: lines.length },
    request: options.request,
  });
  return {
    fileName: `reconciliation-${account.channel.toLowerCase()}-${paymentChannelId}-${date}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: Buffer.from(csvLines([HEADER, ...rows], { bom: true }), 'utf8'),
  };
}
