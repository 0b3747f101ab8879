// Writes the outcome of a day's download over the previous one, in one transaction: the bill row (an
// INSERT … ON CONFLICT on channel, day and type, so two instances downloading at once both land on it)
// and its file, replaced or removed. The new bytes were read to their end and checked before this runs
// (read-bill.ts), so the swap is all or nothing; and a verified file is never replaced by an attempt
// that gave none or a bad one: a channel's hiccup on a re-download must not lose a good bill.
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
  const where = { paymentChannelId_billDate_billType: key };
  return db().$transaction(async (tx) => {
    const { count: created } = await tx.channelBill.createMany({
      data: [{ id: newId('bil'), ...key, companyId: options.companyId, channel: options.channel, ...fields }],
      skipDuplicates: true,
    });
    // The conditional update takes the row's lock and re-reads its status, so a concurrent good
    // download that committed first is not overwritten by a failed one.
    const replaces =
      created === 1 ||
      (await tx.channelBill.updateMany({ where: { ...key, ...(outcome.status === 'DOWNLOADED' ? {} : { status: { not: 'DOWNLOADED' } }) }, data: fields })).count === 1;
    const bill = await tx.channelBill.findUniqueOrThrow({ where });
    if (replaces) {
      await tx.channelBillFile.deleteMany({ where: { billId: bill.id } });
      if (file) await tx.channelBillFile.create({ data: { billId: bill.id, content: file.content } });
    }
    return bill;
  });
}
