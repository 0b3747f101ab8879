import type { User } from '@/server/db/generated/client';

/** What the dashboard may see of a user: never the password hash. */
export function userView(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    companyId: user.companyId,
    disabled: user.disabled,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}

export type UserView = ReturnType<typeof userView>;
