import type { Translate } from '@/components/i18n/translate';
import type { FieldErrors } from '@/components/ui/use-form-fields';
import type { ReceiverAccountType, RelationType } from './split-receiver-types';

export interface ReceiverFormValues {
  accountType: ReceiverAccountType;
  account: string;
  name: string;
  relationType: RelationType;
  customRelation: string;
}

export const RECEIVER_FIELDS = ['accountType', 'account', 'name', 'relationType', 'customRelation'] as const satisfies readonly (keyof ReceiverFormValues)[];

export function emptyReceiver(accountType: ReceiverAccountType): ReceiverFormValues {
  return { accountType, account: '', name: '', relationType: 'SUPPLIER', customRelation: '' };
}

/** The checks the server makes too (splitReceivers.register), told in the reader's words before sending. */
export function validateReceiver(values: ReceiverFormValues, t: Translate): FieldErrors<ReceiverFormValues> {
  const errors: FieldErrors<ReceiverFormValues> = {};
  const account = values.account.trim();
  if (!account || account.length > 64) errors.account = t('splits.receivers.validation.account');
  if (values.accountType === 'MERCHANT_ID' && !values.name.trim()) errors.name = t('splits.receivers.validation.name');
  const custom = values.customRelation.trim();
  if (values.relationType === 'CUSTOM' && (!custom || [...custom].length > 10)) errors.customRelation = t('splits.receivers.validation.customRelation');
  return errors;
}

/** The register procedure's input: blanks left out, a custom relation only with CUSTOM. */
export function receiverInput(paymentId: string, values: ReceiverFormValues) {
  const name = values.name.trim();
  return {
    paymentId,
    accountType: values.accountType,
    account: values.account.trim(),
    relationType: values.relationType,
    ...(name ? { name } : {}),
    ...(values.relationType === 'CUSTOM' ? { customRelation: values.customRelation.trim() } : {}),
  };
}
