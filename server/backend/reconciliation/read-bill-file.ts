import { z } from 'zod';
import { assertCan, assertInScope } from '@/server/backend/access/permissions';
import { recordAudit, type Actor, type RequestMeta } from '@/server/backend/audit/record-audit';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';

export const readBillFileInput = z.object({ billId: z.string().min(1).max(64) });

/**
 * A stored channel bill exactly as the channel served it (a FAILED one too: it is kept to be looked
 * at), with its original name and type, for staff who may see its company. Audited.
 */
export async function readBillFile(options: { actor: Actor; input: z.infer<typeof readBillFileInput>; request?: RequestMeta }) {
  assertCan(options.actor, 'reconciliation.read');
  const bill = await db().channelBill.findUnique({ where: { id: options.input.billId }, include: { file: true } });
  if (!bill) throw new AppError('NOT_FOUND');
  assertInScope(options.actor, bill.companyId);
  if (!bill.file) throw new AppError('NOT_FOUND', 'This bill has no file: the channel gave none for the day.');
  const date = bill.billDate.toISOString().slice(0, 10);
  await recordAudit(db(), {
    actor: options.actor,
    action: 'reconciliation.bill.download',
    target: { type: 'ChannelBill', id: bill.id, companyId: bill.companyId },
    summary: { date, billType: bill.billType, sha1: bill.sha1 },
    request: options.request,
  });
  return {
    fileName: bill.fileName ?? `${bill.channel.toLowerCase()}-${bill.billType.toLowerCase()}-${date}${bill.packing === 'GZIP' ? '.gz' : bill.packing === 'ZIP' ? '.zip' : ''}`,
    contentType: bill.contentType ?? 'application/octet-stream',
    content: Buffer.from(bill.file.content),
  };
}
