import type { ChannelKind } from '../../merchant-types';
import { credentialInputName, CREDENTIAL_FORMS, visibleFields } from './credential-specs';

export type CredentialsPayload = Record<string, string | string[]>;

/** One entry per certificate: a pasted bundle becomes the list the server checks one by one. */
export function splitPemCertificates(text: string): string[] {
  return text
    .split(/(?<=-----END CERTIFICATE-----)/)
    .map((block) => block.trim())
    .filter(Boolean);
}

/**
 * The channel parameters entered on a form, for the fields of the chosen mode only. When editing
 * (`onlyFilled`), empty fields are left out so the server keeps their stored values.
 */
export function credentialsFromForm(channel: ChannelKind, form: FormData, { onlyFilled }: { onlyFilled: boolean }): CredentialsPayload {
  const spec = CREDENTIAL_FORMS[channel];
  const read = (name: string) => {
    const value = form.get(credentialInputName(name));
    return typeof value === 'string' ? value.trim() : '';
  };
  const payload: CredentialsPayload = {};
  const mode = spec.mode ? read(spec.mode.name) : undefined;
  if (spec.mode && mode) payload[spec.mode.name] = mode;
  for (const field of visibleFields(spec, mode)) {
    const value = read(field.name);
    if (onlyFilled && !value) continue;
    payload[field.name] = field.input === 'pemList' ? splitPemCertificates(value) : value;
  }
  return payload;
}
