import type { Role } from '@/server/db/generated/client';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; companyId: string | null };
  }
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    companyId: string | null;
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    companyId: string | null;
    sv: number;
  }
}
