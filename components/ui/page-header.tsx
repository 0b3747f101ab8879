import Link from 'next/link';
import type { ReactNode } from 'react';
import { cx } from './cx';
import { focusRing } from './focus-ring';

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons at the end; they stack under the title on phones. */
  actions?: ReactNode;
  /** A link back to the parent page, shown above the title. */
  back?: { href: string; label: string };
  className?: string;
}

export function PageHeader({ title, description, actions, back, className }: PageHeaderProps) {
  return (
    <div className={cx('mb-6', className)}>
      {back ? (
        <Link href={back.href} className={cx('mb-2 inline-flex items-center gap-1 rounded text-sm font-medium text-brand-800 hover:underline', focusRing)}>
          <span aria-hidden="true">←</span>
          {back.label}
        </Link>
      ) : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words text-slate-900">{title}</h1>
          {description ? <div className="mt-1 max-w-prose text-sm text-slate-600">{description}</div> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-col gap-2 sm:flex-row">{actions}</div> : null}
      </div>
    </div>
  );
}
