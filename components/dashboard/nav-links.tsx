'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';
import { isCurrentPath } from './nav-items';

export interface NavLink {
  href: string;
  /** Already translated on the server, so this component needs no dictionary. */
  label: string;
  /** A count that asks for attention (open alerts), shown after the label when above zero. */
  badge?: number;
}

export function NavLinks({ links, onNavigate }: { links: readonly NavLink[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {links.map((link) => {
        const current = isCurrentPath(pathname, link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? 'page' : undefined}
              onClick={onNavigate}
              className={cx(
                'flex min-h-10 items-center rounded-md px-3 text-sm font-medium',
                focusRing,
                current ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
              )}
            >
              <span aria-hidden="true" className={cx('mr-3 h-4 w-1 rounded-full', current ? 'bg-brand-700' : 'bg-transparent')} />
              {link.label}
              {link.badge ? (
                <span className="ml-auto rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white tabular-nums" data-testid={`nav-badge-${link.href.slice(1)}`}>
                  {link.badge > 99 ? '99+' : link.badge}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
