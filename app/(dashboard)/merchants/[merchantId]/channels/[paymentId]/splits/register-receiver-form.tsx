'use client';

import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { CreateFormActions, FormErrorAlert } from '@/components/ui/form-actions';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useMutationForm } from '@/components/ui/use-mutation-form';
import { ChoiceGroup } from '../../../../_form/choice-group';
import { splitErrorOverrides } from '../../../../../split-errors';
import { emptyReceiver, RECEIVER_FIELDS, receiverInput, validateReceiver } from './receiver-form-values';
import { RELATION_TYPES, type SplitChannel } from './split-receiver-types';

/** Binds a receiver at the channel: account type and account, name, relation (WeChat Pay's list or the merchant's own words). */
export function RegisterReceiverForm({ channel, onCancel, onRegistered }: { channel: SplitChannel; onCancel: () => void; onRegistered: (account: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { ref, values, errors, setField, message, pending, handleSubmit } = useMutationForm({
    initial: emptyReceiver(channel.accountTypes[0] ?? 'MERCHANT_ID'),
    fields: RECEIVER_FIELDS,
    validate: validateReceiver,
    mutation: trpc.splitReceivers.register.mutationOptions(),
    toInput: (v) => receiverInput(channel.paymentId, v),
    resetOnSuccess: true,
    onSuccess: (receiver) => onRegistered(receiver.account),
    invalidates: [trpc.splitReceivers.pathKey()],
    errorOverrides: (error, translate) => ({ ...splitErrorOverrides(error, translate), CONFLICT: translate('splits.receivers.errors.CONFLICT') }),
  });

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="register-receiver-form">
      <ChoiceGroup
        type="radio"
        inline
        name="accountType"
        legend={t('splits.receivers.register.accountType')}
        options={channel.accountTypes.map((value) => ({ value, label: t(`splits.receivers.accountTypes.${value}`) }))}
        value={[values.accountType]}
        onChange={([next]) => setField('accountType', next ?? values.accountType)}
        error={errors.accountType}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label={t('splits.receivers.register.account')}
          hint={t('splits.receivers.register.accountHint')}
          name="account"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={values.account}
          onChange={(event) => setField('account', event.target.value)}
          error={errors.account}
        />
        <Input
          label={t('splits.receivers.register.name')}
          hint={t('splits.receivers.register.nameHint')}
          name="name"
          autoComplete="off"
          maxLength={256}
          value={values.name}
          onChange={(event) => setField('name', event.target.value)}
          error={errors.name}
        />
        <Select
          label={t('splits.receivers.register.relationType')}
          name="relationType"
          value={values.relationType}
          onChange={(event) => setField('relationType', event.target.value)}
          options={RELATION_TYPES.map((value) => ({ value, label: t(`splits.receivers.relationTypes.${value}`) }))}
          error={errors.relationType}
        />
        {values.relationType === 'CUSTOM' ? (
          <Input
            label={t('splits.receivers.register.customRelation')}
            hint={t('splits.receivers.register.customRelationHint')}
            name="customRelation"
            maxLength={10}
            value={values.customRelation}
            onChange={(event) => setField('customRelation', event.target.value)}
            error={errors.customRelation}
          />
        ) : null}
      </div>
      <FormErrorAlert message={message} />
      <CreateFormActions pending={pending} submitLabel={t('splits.receivers.register.submit')} pendingLabel={t('splits.receivers.register.submitting')} onCancel={onCancel} />
    </form>
  );
}
