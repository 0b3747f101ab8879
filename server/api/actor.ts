import type { SessionUser } from '@/server/auth/current-user';
import type { Actor } from '@/server/backend/audit/record-audit';

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, email: user.email, role: user.role, companyId: user.companyId };
}
