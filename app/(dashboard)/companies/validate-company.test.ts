import { describe, expect, it } from 'vitest';
import { en } from '@/components/i18n/messages/en';
import { createTranslator } from '@/components/i18n/translate';
import { companyInput, validateCompany } from './validate-company';

const t = createTranslator(en);

describe('validateCompany', () => {
  it('accepts a name with optional contact details left empty', () => {
    expect(validateCompany({ name: '阳光物业', contactName: '', contactPhone: '' }, t)).toEqual({});
    expect(validateCompany({ name: '阳光物业', contactName: '王经理', contactPhone: '+86 (010) 1234-5678' }, t)).toEqual({});
  });

  it('flags a short name, a long contact and a malformed phone', () => {
    expect(validateCompany({ name: ' a ', contactName: 'x'.repeat(51), contactPhone: 'call me' }, t)).toEqual({
      name: t('companies.validation.nameLength'),
      contactName: t('companies.validation.contactLength'),
      contactPhone: t('companies.validation.phone'),
    });
  });

  it('trims what it sends', () => {
    expect(companyInput({ name: ' 阳光物业 ', contactName: ' 王 ', contactPhone: ' 123456 ' })).toEqual({ name: '阳光物业', contactName: '王', contactPhone: '123456' });
  });
});
