'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';
import { NavLinks, type NavLink } from './nav-links';

export interface MobileNavProps {
  links: readonly NavLink[];
  navLabel: string;
  openLabel: string;
  closeLabel: string;
  /** Rendered under the links, for what the phone header has no room for (e.g. the language switch). */
  children?: ReactNode;
}

/** The phone menu: a button in the header that drops the navigation down below it. */
export function MobileNav({ links, navLabel, openLabel, closeLabel, children }: MobileNavProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <div className="lg:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={open ? closeLabel : openLabel}
        onClick={() => setOpen((value) => !value)}
        className={cx('grid size-10 place-items-center rounded-md text-slate-700 hover:bg-slate-100', focusRing)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className="size-6">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-20 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-slate-200 bg-white px-4 pt-3 pb-4 shadow-lg"
      >
        <nav aria-label={navLabel}>
          <NavLinks links={links} onNavigate={() => setOpen(false)} />
        </nav>
        {children ? <div className="mt-4 border-t border-slate-200 pt-4">{children}</div> : null}
      </div>
    </div>
  );
}
