import type { Prisma } from '@/server/db/generated/client';
import { maskCredentials } from '@/server/gateway/credentials/mask-credentials';
import type { ChannelCredentials } from '@/server/gateway/credentials/types';

/** The display-safe view stored alongside sealed credentials (publicConfig): identifiers, fingerprints, no secrets. */
export function publicConfigOf(credentials: ChannelCredentials): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(maskCredentials(credentials))) as Prisma.InputJsonValue;
}
