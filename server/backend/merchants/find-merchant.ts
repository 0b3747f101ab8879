import type { Tx } from '@/server/db/client';
import { db } from '@/server/db/client';
import type { Merchant } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';

/** A merchant within the actor's reach; another company's merchant is "not found". */
export async function findMerchantInScope(actor: Actor, merchantId: string, client: Tx | ReturnType<typeof db> = db()): Promise<Merchant> {
  const merchant = await client.merchant.findUnique({ where: { id: merchantId } });
  if (!merchant) throw new AppError('NOT_FOUND');
  assertInScope(actor, merchant.companyId);
  return merchant;
}
