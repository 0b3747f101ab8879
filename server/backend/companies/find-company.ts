import type { Tx } from '@/server/db/client';
import type { PropertyCompany } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';

/** A property company, for a change inside `tx` by someone allowed to manage companies. */
export async function findCompany(tx: Tx, companyId: string): Promise<PropertyCompany> {
  const company = await tx.propertyCompany.findUnique({ where: { id: companyId } });
  if (!company) throw new AppError('NOT_FOUND');
  return company;
}
