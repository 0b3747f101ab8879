import type { ReactNode } from 'react';
import { MobileNav } from '@/components/dashboard/mobile-nav';
import { navItemsFor } from '@/components/dashboard/nav-items';
import { NavLinks } from '@/components/dashboard/nav-links';
import { UserMenu } from '@/components/dashboard/user-menu';
import { LocaleSwitch } from '@/components/i18n/locale-switch';
import { getI18n } from '@/components/i18n/server';
import { Logo } from '@/components/ui/logo';
import { actorOf } from '@/server/api/actor';
import { countOpenAlerts } from '@/server/backend/alerts/count-open-alerts';
import { Providers } from '../providers';
import { requireUser } from './require-user';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [user, { t, locale, messages }] = await Promise.all([requireUser(), getI18n()]);
  // One indexed count per full page load; client navigation keeps the layout, and so the count, until a refresh.
  const openAlerts = await countOpenAlerts({ actor: actorOf(user) });
  const links = navItemsFor(user.role).map((item) => ({ href: item.href, label: t(item.label), ...(item.href === '/alerts' ? { badge: openAlerts } : {}) }));

  return (
    <Providers locale={locale} messages={messages}>
      <div className="min-h-dvh lg:flex">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-800 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          {t('header.skipToContent')}
        </a>

        <aside className="hidden border-r border-slate-200 bg-white lg:flex lg:w-60 lg:shrink-0 lg:flex-col">
          <div className="flex h-16 items-center px-5">
            <Logo name={t('common.appName')} />
          </div>
          <nav aria-label={t('nav.label')} className="flex-1 overflow-y-auto px-3 py-4">
            <NavLinks links={links} />
          </nav>
        </aside>

        <div className="flex min-w-0 flex-1 flex-col">
          <header className="relative flex h-16 items-center gap-3 border-b border-slate-200 bg-white px-4 sm:px-6">
            <MobileNav links={links} navLabel={t('nav.label')} openLabel={t('nav.openMenu')} closeLabel={t('nav.closeMenu')}>
              <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
              <p className="truncate text-xs text-slate-600">{user.email}</p>
              <LocaleSwitch className="mt-3 sm:hidden" />
            </MobileNav>
            {/* Phones keep only the mark: the role and the sign-out button need the room. */}
            <div className="lg:hidden">
              <Logo name={t('common.appName')} nameClassName="sr-only sm:not-sr-only" />
            </div>
            <div className="ml-auto flex min-w-0 items-center gap-4">
              <LocaleSwitch className="hidden sm:block" />
              <UserMenu user={user} />
            </div>
          </header>
          <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-8">
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
