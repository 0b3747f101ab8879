import { describe, expect, it } from 'vitest';
import { en } from '@/components/i18n/messages/en';
import { createTranslator } from '@/components/i18n/translate';
import { creatableRoles, needsCompanyChoice, validateUser } from './validate-user';

const t = createTranslator(en);

describe('creatableRoles', () => {
  it('lets only a platform admin outside a company page create platform admins', () => {
    expect(creatableRoles('PLATFORM_ADMIN', false)).toEqual(['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR']);
    expect(creatableRoles('PLATFORM_ADMIN', true)).toEqual(['COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR']);
    expect(creatableRoles('COMPANY_ADMIN', false)).toEqual(['COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR']);
  });
});

describe('needsCompanyChoice', () => {
  it('asks a platform admin for the company of a company role only', () => {
    expect(needsCompanyChoice('PLATFORM_ADMIN', false, 'COMPANY_STAFF')).toBe(true);
    expect(needsCompanyChoice('PLATFORM_ADMIN', false, 'PLATFORM_ADMIN')).toBe(false);
    expect(needsCompanyChoice('PLATFORM_ADMIN', true, 'AUDITOR')).toBe(false);
    expect(needsCompanyChoice('COMPANY_ADMIN', false, 'AUDITOR')).toBe(false);
  });
});

describe('validateUser', () => {
  const valid = { email: 'li.lei@example.com', name: '李雷', role: 'COMPANY_STAFF' as const, companyId: 'co_1' };

  it('accepts a complete user', () => {
    expect(validateUser(valid, true, t)).toEqual({});
  });

  it('requires an email, a name and, when asked, the company', () => {
    expect(validateUser({ ...valid, email: ' ', name: '', companyId: '' }, true, t)).toEqual({
      email: t('users.validation.emailRequired'),
      name: t('users.validation.nameRequired'),
      companyId: t('users.validation.companyRequired'),
    });
    expect(validateUser({ ...valid, companyId: '' }, false, t)).toEqual({});
  });

  it('rejects a malformed email', () => {
    expect(validateUser({ ...valid, email: 'li.lei@' }, false, t).email).toBe(t('users.validation.emailInvalid'));
  });
});
