import { getI18n } from '@/components/i18n/server';
import type { SessionUser } from '@/server/auth/current-user';
import { LogoutButton } from './logout-button';

/** Who is signed in, with which role, and the way out. Phones keep the role and the button; the menu panel shows the rest. */
export async function UserMenu({ user }: { user: SessionUser }) {
  const { t } = await getI18n();
  return (
    <div className="flex min-w-0 items-center gap-3" data-testid="user-menu">
      <div className="hidden min-w-0 text-right sm:block">
        <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
        <p className="hidden truncate text-xs text-slate-600 md:block">{user.email}</p>
      </div>
      <span className="shrink-0 rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium whitespace-nowrap text-brand-800 ring-1 ring-brand-100 ring-inset">
        {t(`roles.${user.role}`)}
      </span>
      <LogoutButton />
    </div>
  );
}
