import type { Translate } from '@/components/i18n/translate';
import type { ChannelKind } from '../../merchant-types';
import type { ErrorSummaryItem } from '../../_form/error-summary';
import { fieldErrorEntries } from '../../_form/field-error-entries';
import { credentialErrorLabel, credentialFieldId } from './credential-fields';

/** The channel form's field errors as summary items, named as the form labels them. */
export function channelErrorItems(
  channel: ChannelKind,
  fields: Record<string, string>,
  idPrefix: string,
  t: Translate,
  /** Labels and input ids of the form's own non-credential fields, e.g. `invokeMethods`. */
  otherFields: Record<string, { label: string; id: string }> = {},
): ErrorSummaryItem[] {
  return fieldErrorEntries(fields).map(([path, message]) => {
    const other = otherFields[path];
    if (other) return { path, message, label: other.label, fieldId: other.id };
    const name = path.split('.')[1];
    const label = credentialErrorLabel(channel, path, t);
    return label && name ? { path, message, label, fieldId: credentialFieldId(idPrefix, name) } : { path, message, label: path };
  });
}
