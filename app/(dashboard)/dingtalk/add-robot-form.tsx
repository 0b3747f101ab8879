'use client';

import { useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { CreateFormActions, FormErrorAlert } from '@/components/ui/form-actions';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useMutationForm } from '@/components/ui/use-mutation-form';
import { useCompanyOptions } from '../users/use-company-options';
import { emptyRobot, ROBOT_FIELDS, robotInput, validateRobot } from './validate-robot';

export function AddRobotForm({ pickCompany, onCancel }: { pickCompany: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const companies = useCompanyOptions(pickCompany);
  const [added, setAdded] = useState<string | null>(null);
  const { ref, values, errors, setField, message, pending, handleSubmit } = useMutationForm({
    initial: emptyRobot,
    fields: ROBOT_FIELDS,
    validate: (v, translate) => validateRobot(v, translate, pickCompany),
    mutation: trpc.dingtalkRobots.add.mutationOptions(),
    toInput: robotInput,
    onSubmitStart: () => setAdded(null),
    resetOnSuccess: true,
    onSuccess: (robot) => setAdded(robot.name),
    invalidates: [trpc.dingtalkRobots.pathKey()],
  });

  return (
    <form ref={ref} onSubmit={handleSubmit} noValidate className="space-y-4" data-testid="add-robot-form">
      <div className="grid gap-4 sm:grid-cols-2">
        {pickCompany ? (
          <Select
            label={t('dingtalk.fields.company')}
            name="companyId"
            value={values.companyId}
            onChange={(event) => setField('companyId', event.target.value)}
            options={[{ value: '', label: '—' }, ...companies.options]}
            error={errors.companyId}
          />
        ) : null}
        <Input label={t('dingtalk.fields.name')} name="name" value={values.name} onChange={(event) => setField('name', event.target.value)} required maxLength={64} error={errors.name} />
        <Input
          label={t('dingtalk.fields.webhookUrl')}
          hint={t('dingtalk.fields.webhookUrlHint')}
          name="webhookUrl"
          type="url"
          value={values.webhookUrl}
          onChange={(event) => setField('webhookUrl', event.target.value)}
          required
          error={errors.webhookUrl}
        />
        <Input
          label={t('dingtalk.fields.secret')}
          hint={t('dingtalk.fields.secretHint')}
          name="secret"
          type="password"
          autoComplete="off"
          value={values.secret}
          onChange={(event) => setField('secret', event.target.value)}
          required
          error={errors.secret}
        />
      </div>
      <FormErrorAlert message={message} />
      <div role="status">{added ? <Alert tone="info">{t('dingtalk.added', { name: added })}</Alert> : null}</div>
      <CreateFormActions pending={pending} submitLabel={t('dingtalk.submit')} pendingLabel={t('dingtalk.submitting')} onCancel={onCancel} />
    </form>
  );
}
