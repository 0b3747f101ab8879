import { db, type Tx } from '@/server/db/client';
import type { PaymentChannel } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';

/** A payment channel within the actor's reach; another company's is "not found". */
export async function findChannelInScope(actor: Actor, paymentId: string, client: Tx | ReturnType<typeof db> = db()): Promise<PaymentChannel> {
  const channel = await client.paymentChannel.findUnique({ where: { id: paymentId } });
  if (!channel) throw new AppError('NOT_FOUND');
  assertInScope(actor, channel.companyId);
  return channel;
}
