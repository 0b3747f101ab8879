// Channel credentials at rest: sealed with the master key and bound to their payment channel. The
// backend seals what a company enters; the gateway opens it for a call (load-channel-account).
import { open, seal } from '@/server/security/secret-box';
import type { ChannelCredentials, ChannelKind, CredentialsOf } from '@/server/gateway/credentials/types';

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
