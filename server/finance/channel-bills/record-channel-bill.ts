// Writes the outcome of a day's download over the previous one, in one transaction: the bill row (an
// INSERT … ON CONFLICT on channel, day and type, so two instances downloading at once both land on it)
// and its file, replaced or removed.
import { db } from '@/server/db/client';
import type { Channel, ChannelBill, ChannelBillType } from '@/server/db/generated/client';
import { newId } from '@/server/lib/ids';
import type { BillOutcome } from './read-bill';

export interface RecordChannelBillOptions {
  paymentChannelId: string;
  companyId: string;
  channel: Channel;
  /** yyyy-MM-dd */
  date: string;
  billType: ChannelBillType;
  outcome: BillOutcome;
  now: Date;
}

export async function recordChannelBill(options: RecordChannelBillOptions): Promise<ChannelBill> {
  const { outcome, now } = options;
  const file = outcome.file;
  const fields = {
    status: outcome.status,
    empty: outcome.status === 'DOWNLOADED' && outcome.empty,
    failureCode: outcome.status === 'DOWNLOADED' ? null : outcome.failureCode,
    failureMessage: outcome.status === 'DOWNLOADED' ? null : outcome.failureMessage,
    retryable: outcome.status === 'DOWNLOADED' ? false : outcome.retryable,
    fileName: file?.fileName ?? null,
    contentType: file?.contentType ?? null,
    packing: file?.packing ?? null,
    declaredSha1: file?.declaredSha1 ?? null,
    sha1: file?.sha1 ?? null,
    sizeBytes: file?.sizeBytes ?? null,
    attemptedAt: now,
    downloadedAt: outcome.status === 'DOWNLOADED' ? now : null,
  };
  const key = { paymentChannelId: options.paymentChannelId, billDate: new Date(`${options.date}T00:00:00Z`), billType: options.billType };
  return db().$transaction(async (tx) => {
    const bill = await tx.channelBill.upsert({
      where: { paymentChannelId_billDate_billType: key },
      create: { id: newId('bil'), ...key, companyId: options.companyId, channel: options.channel, ...fields },
      update: fields,
    });
    await tx.channelBillFile.deleteMany({ where: { billId: bill.id } });
    if (file) await tx.channelBillFile.create({ data: { billId: bill.id, content: file.content } });
    return bill;
  });
}
