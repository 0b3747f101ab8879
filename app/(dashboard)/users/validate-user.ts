import type { Translate } from '@/components/i18n/translate';
import type { Role } from '@/server/db/generated/client';

export type UserValues = {
  email: string;
  name: string;
  role: Role;
  /** Empty when the role has no company (platform admin) or the company is fixed by the page. */
  companyId: string;
};

export const USER_FIELDS = ['email', 'name', 'role', 'companyId'] as const;

export type UserErrors = Partial<Record<keyof UserValues, string>>;

/**
 * The roles a viewer may give: company admins create only within their own company; platform
 * admins may also create platform admins, except on a company's own page.
 */
export function creatableRoles(viewerRole: Role, fixedCompany: boolean): Role[] {
  const companyRoles: Role[] = ['COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'];
  return viewerRole === 'PLATFORM_ADMIN' && !fixedCompany ? ['PLATFORM_ADMIN', ...companyRoles] : companyRoles;
}

/** Whether the form must ask which company the new user belongs to. */
export function needsCompanyChoice(viewerRole: Role, fixedCompany: boolean, role: Role): boolean {
  return viewerRole === 'PLATFORM_ADMIN' && !fixedCompany && role !== 'PLATFORM_ADMIN';
}

export function validateUser(values: UserValues, askCompany: boolean, t: Translate): UserErrors {
  const errors: UserErrors = {};
  const email = values.email.trim();
  if (!email) errors.email = t('users.validation.emailRequired');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) errors.email = t('users.validation.emailInvalid');
  if (!values.name.trim()) errors.name = t('users.validation.nameRequired');
  if (askCompany && !values.companyId) errors.companyId = t('users.validation.companyRequired');
  return errors;
}
