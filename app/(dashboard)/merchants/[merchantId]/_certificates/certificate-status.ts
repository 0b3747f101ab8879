import type { BadgeTone } from '@/components/ui/badge';
import type { TrustedEntry } from '../../merchant-types';

export type CertificateStatus = 'revoked' | 'expired' | 'expiringSoon' | 'active';

/** Revoked outranks expired: a revoked entry is out of use whatever its dates say. */
export function certificateStatus(entry: Pick<TrustedEntry, 'revokedAt' | 'expired' | 'expiringSoon'>): CertificateStatus {
  if (entry.revokedAt) return 'revoked';
  if (entry.expired) return 'expired';
  if (entry.expiringSoon) return 'expiringSoon';
  return 'active';
}

export const certificateStatusTone: Record<CertificateStatus, BadgeTone> = {
  revoked: 'slate',
  expired: 'red',
  expiringSoon: 'amber',
  active: 'green',
};
