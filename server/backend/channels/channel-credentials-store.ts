import type { Prisma } from '@/server/db/generated/client';
import { open, seal } from '@/server/security/secret-box';
import { maskCredentials } from './credentials/mask-credentials';
import type { ChannelCredentials, ChannelKind, CredentialsOf } from './credentials/types';

/** AAD: a sealed credentials blob only opens as the credentials of its own payment channel. */
const aad = (paymentChannelId: string) => `PaymentChannel:${paymentChannelId}:credentials`;

export function sealCredentials(paymentChannelId: string, credentials: ChannelCredentials): string {
  return seal(JSON.stringify(credentials), aad(paymentChannelId));
}

/** The channel's credentials in clear, for the gateway only. Never log or return them. */
export function openCredentials<C extends ChannelKind>(row: { id: string; channel: C; credentialsSealed: string }): CredentialsOf<C> {
  const credentials = JSON.parse(open(row.credentialsSealed, aad(row.id))) as ChannelCredentials;
  if (credentials.channel !== row.channel) throw new Error(`credentials of ${row.id} are not ${row.channel}`);
  return credentials as CredentialsOf<C>;
}

/** The display-safe view stored alongside (publicConfig): identifiers, fingerprints, no secrets. */
export function publicConfigOf(credentials: ChannelCredentials): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(maskCredentials(credentials.channel, credentials as never))) as Prisma.InputJsonValue;
}
