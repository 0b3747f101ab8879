import type { ReactNode } from 'react';
import { cx } from './cx';

export interface EmptyStateProps {
  title: string;
  description: string;
  /** What the reader can do next, e.g. a list of steps. */
  children?: ReactNode;
  className?: string;
}

export function EmptyState({ title, description, children, className }: EmptyStateProps) {
  return (
    <section className={cx('rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 sm:px-10', className)}>
      <div aria-hidden="true" className="mx-auto grid size-12 place-items-center rounded-full bg-brand-50 text-brand-700">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" className="size-6">
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="M3 10h18M7 15h4" strokeLinecap="round" />
        </svg>
      </div>
      <h2 className="mt-4 text-center text-lg font-semibold text-slate-900">{title}</h2>
      <p className="mx-auto mt-2 max-w-prose text-center text-sm text-slate-600">{description}</p>
      {children ? <div className="mx-auto mt-6 max-w-prose">{children}</div> : null}
    </section>
  );
}
