'use client';

import { useI18n } from '@/components/i18n/client';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { AppErrors, AppValues } from './validate-app';

export interface AppFieldsProps {
  values: AppValues;
  errors: AppErrors;
  onChange: (field: keyof AppValues, value: string) => void;
}

/** An app's name, description, notify URL, IP allowlist and return origins, shared by the register and edit forms. */
export function AppFields({ values, errors, onChange }: AppFieldsProps) {
  const { t } = useI18n();
  const optional = t('ui.form.optional');
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Input label={t('apps.fields.name')} name="name" required maxLength={100} autoComplete="off" value={values.name} onChange={(event) => onChange('name', event.target.value)} error={errors.name} />
      <Input
        label={`${t('apps.fields.defaultNotifyUrl')}${optional}`}
        name="defaultNotifyUrl"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://"
        value={values.defaultNotifyUrl}
        onChange={(event) => onChange('defaultNotifyUrl', event.target.value)}
        error={errors.defaultNotifyUrl}
      />
      <Textarea
        label={`${t('apps.fields.description')}${optional}`}
        name="description"
        rows={3}
        maxLength={500}
        value={values.description}
        onChange={(event) => onChange('description', event.target.value)}
        error={errors.description}
      />
      <Textarea
        label={`${t('apps.fields.ipAllowlist')}${optional}`}
        hint={t('apps.fields.ipAllowlistHint')}
        name="ipAllowlist"
        rows={3}
        spellCheck={false}
        value={values.ipAllowlist}
        onChange={(event) => onChange('ipAllowlist', event.target.value)}
        error={errors.ipAllowlist}
      />
      <Textarea
        label={`${t('apps.fields.returnOrigins')}${optional}`}
        hint={t('apps.fields.returnOriginsHint')}
        name="returnOrigins"
        rows={2}
        spellCheck={false}
        placeholder="https://"
        value={values.returnOrigins}
        onChange={(event) => onChange('returnOrigins', event.target.value)}
        error={errors.returnOrigins}
      />
    </div>
  );
}
