import type { Translate } from '@/components/i18n/translate';

export interface CompanyValues {
  name: string;
  contactName: string;
  contactPhone: string;
}

export type CompanyErrors = Partial<Record<keyof CompanyValues, string>>;

export const COMPANY_FIELDS = ['name', 'contactName', 'contactPhone'] as const;

export const emptyCompany: CompanyValues = { name: '', contactName: '', contactPhone: '' };

/** The server's rules (server/backend/companies/company-input.ts), checked first so errors read in the reader's language. */
export function validateCompany(values: CompanyValues, t: Translate): CompanyErrors {
  const errors: CompanyErrors = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 100) errors.name = t('companies.validation.nameLength');
  if (values.contactName.trim().length > 50) errors.contactName = t('companies.validation.contactLength');
  const phone = values.contactPhone.trim();
  if (phone && !/^[0-9+\-() ]{5,20}$/.test(phone)) errors.contactPhone = t('companies.validation.phone');
  return errors;
}

/** Empty optional fields are sent as empty strings, which the server stores as null. */
export function companyInput(values: CompanyValues): CompanyValues {
  return { name: values.name.trim(), contactName: values.contactName.trim(), contactPhone: values.contactPhone.trim() };
}
