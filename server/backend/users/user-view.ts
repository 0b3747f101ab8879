import type { User } from '@/server/db/generated/client';

/** What the dashboard may see of a user: never the password hash or lockout internals. */
export function userView(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    companyId: user.companyId,
    disabled: user.disabled,
    locked: !!user.lockedUntil && user.lockedUntil > new Date(),
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}

export type UserView = ReturnType<typeof userView>;
