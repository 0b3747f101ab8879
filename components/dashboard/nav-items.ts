import type { MessageKey } from '@/components/i18n/translate';
import type { Role } from '@/server/db/generated/client';

export interface NavItem {
  href: `/${string}`;
  label: Extract<MessageKey, `nav.items.${string}`>;
  /** Who sees the item; omitted means every signed-in user. Pages still check access themselves. */
  roles?: readonly Role[];
}

/** The dashboard's pages, in menu order. Adding a page to the menu is one line here. */
export const navItems: readonly NavItem[] = [
  { href: '/', label: 'nav.items.overview' },
  { href: '/payments', label: 'nav.items.payments' },
  { href: '/webhooks', label: 'nav.items.webhooks' },
  { href: '/alerts', label: 'nav.items.alerts' },
  { href: '/companies', label: 'nav.items.companies', roles: ['PLATFORM_ADMIN'] },
  { href: '/merchants', label: 'nav.items.merchants' },
  { href: '/apps', label: 'nav.items.apps', roles: ['PLATFORM_ADMIN'] },
  { href: '/audit', label: 'nav.items.audit', roles: ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'AUDITOR'] },
  { href: '/users', label: 'nav.items.users', roles: ['PLATFORM_ADMIN', 'COMPANY_ADMIN'] },
  { href: '/dingtalk', label: 'nav.items.dingtalk', roles: ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'AUDITOR'] },
  { href: '/reconciliation', label: 'nav.items.reconciliation' },
];

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => !item.roles || item.roles.includes(role));
}

/** Whether `href` is the current section: exact for the home page, by path prefix for the others. */
export function isCurrentPath(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
