import { describe, expect, it } from 'vitest';
import { isCurrentPath, navItemsFor } from './nav-items';

const hrefs = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.href);

describe('navItemsFor', () => {
  it('shows platform pages only to platform admins', () => {
    expect(hrefs('PLATFORM_ADMIN')).toEqual(['/', '/payments', '/webhooks', '/alerts', '/companies', '/merchants', '/apps', '/audit', '/users', '/dingtalk', '/reconciliation']);
    expect(hrefs('COMPANY_ADMIN')).toEqual(['/', '/payments', '/webhooks', '/alerts', '/merchants', '/audit', '/users', '/dingtalk', '/reconciliation']);
    expect(hrefs('COMPANY_STAFF')).toEqual(['/', '/payments', '/webhooks', '/alerts', '/merchants', '/reconciliation']);
    expect(hrefs('AUDITOR')).toEqual(['/', '/payments', '/webhooks', '/alerts', '/merchants', '/audit', '/dingtalk', '/reconciliation']);
  });
});

describe('isCurrentPath', () => {
  it('matches home exactly and sections by prefix', () => {
    expect(isCurrentPath('/', '/')).toBe(true);
    expect(isCurrentPath('/payments', '/')).toBe(false);
    expect(isCurrentPath('/payments', '/payments')).toBe(true);
    expect(isCurrentPath('/payments/P123', '/payments')).toBe(true);
    expect(isCurrentPath('/payments-export', '/payments')).toBe(false);
  });
});
