import type { MaskedByChannel } from '@/server/gateway/credentials/mask-credentials';
import type { ChannelView } from '../../merchant-types';

export type MaskedCredentials = MaskedByChannel[keyof MaskedByChannel];

/** A channel's stored display-safe view (publicConfig), or null if it is not of this channel's shape. */
export function maskedCredentialsOf(view: ChannelView): MaskedCredentials | null {
  const value = view.credentials;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value.channel !== view.channel) return null;
  // publicConfig is only ever written from maskCredentials() of the channel's own credentials.
  return value as unknown as MaskedCredentials;
}

/** An identifier of the masked view by field name, for prefilling the edit form. */
export function maskedIdentifier(masked: MaskedCredentials | null, name: string): string {
  const value: unknown = masked ? Reflect.get(masked, name) : undefined;
  return typeof value === 'string' ? value : '';
}
