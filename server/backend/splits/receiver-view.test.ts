import { describe, expect, it } from 'vitest';
import { accountTypesOf, maskedAccount } from './receiver-view';

describe('receiver accounts as staff see them', () => {
  it('shows a merchant id whole and keeps only the ends of a person’s account', () => {
    expect(maskedAccount({ accountType: 'MERCHANT_ID', account: '1900000109' })).toBe('1900000109');
    expect(maskedAccount({ accountType: 'PERSONAL_OPENID', account: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' })).toBe('oUpF****eS6o');
    expect(maskedAccount({ accountType: 'PERSONAL_OPENID', account: 'o1234567' })).toBe('****');
  });

  it('offers WeChat Pay its two account types', () => {
    expect(accountTypesOf('WECHATPAY')).toEqual(['MERCHANT_ID', 'PERSONAL_OPENID']);
  });
});
