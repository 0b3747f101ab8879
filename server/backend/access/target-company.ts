import { AppError } from '@/server/errors/app-error';
import type { Actor } from '@/server/backend/audit/record-audit';

/**
 * The company a new record belongs to: a company user's own (input cannot change it); for a
 * platform admin, the one named in the input.
 */
export function targetCompany(actor: Actor, requested: string | undefined): string {
  if (actor.role !== 'PLATFORM_ADMIN') {
    if (!actor.companyId) throw new AppError('FORBIDDEN');
    return actor.companyId;
  }
  if (!requested) throw AppError.invalidFields({ companyId: 'required' });
  return requested;
}
