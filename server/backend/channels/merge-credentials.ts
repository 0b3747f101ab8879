// Replace-only editing of stored credentials. Secrets are never sent back to the browser, so the
// edit form comes back with them empty: an empty or absent field keeps its stored value, a filled
// one replaces it, and the result is validated again as a whole.
import { isBlank, requireRecord } from '@/server/gateway/credentials/field-issues';
import type { ChannelKind, CredentialsOf, ValidateOptions } from '@/server/gateway/credentials/types';
import { validateCredentials } from '@/server/gateway/credentials/validate-credentials';

function isEmpty(value: unknown): boolean {
  return isBlank(value) || (Array.isArray(value) && value.length === 0);
}

export function mergeCredentials<C extends ChannelKind>(
  channel: C,
  existing: CredentialsOf<C>,
  patch: unknown,
  options: ValidateOptions = {},
): CredentialsOf<C> {
  // fromEntries defines own properties, so a `__proto__` key in the patch stays an inert field.
  const changes = Object.entries(requireRecord(patch)).filter(([, value]) => !isEmpty(value));
  return validateCredentials(channel, Object.fromEntries([...Object.entries(existing), ...changes]), options);
}
