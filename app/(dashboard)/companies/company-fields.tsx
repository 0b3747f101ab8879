'use client';

import { useI18n } from '@/components/i18n/client';
import { Input } from '@/components/ui/input';
import type { CompanyErrors, CompanyValues } from './validate-company';

export interface CompanyFieldsProps {
  values: CompanyValues;
  errors: CompanyErrors;
  onChange: (field: keyof CompanyValues, value: string) => void;
}

/** The company's name and contact, shared by the create and edit forms. */
export function CompanyFields({ values, errors, onChange }: CompanyFieldsProps) {
  const { t } = useI18n();
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Input
        label={t('companies.fields.name')}
        name="name"
        value={values.name}
        onChange={(event) => onChange('name', event.target.value)}
        required
        maxLength={100}
        autoComplete="organization"
        error={errors.name}
      />
      <Input
        label={`${t('companies.fields.contactName')}${t('ui.form.optional')}`}
        name="contactName"
        value={values.contactName}
        onChange={(event) => onChange('contactName', event.target.value)}
        maxLength={50}
        autoComplete="name"
        error={errors.contactName}
      />
      <Input
        label={`${t('companies.fields.contactPhone')}${t('ui.form.optional')}`}
        name="contactPhone"
        type="tel"
        value={values.contactPhone}
        onChange={(event) => onChange('contactPhone', event.target.value)}
        maxLength={20}
        autoComplete="tel"
        error={errors.contactPhone}
      />
    </div>
  );
}
