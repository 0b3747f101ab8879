import type { ReactNode } from 'react';

/** A titled part of the payment page. */
export function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  return (
    <section className="min-w-0" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">
        {title}
        {count !== undefined ? <span className="ml-2 text-sm font-normal text-slate-500">{count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

export type Fact = [label: string, value: ReactNode];

/** Label/value pairs in two columns on wide screens, stacked on phones; `null` entries are left out. */
export function Facts({ items }: { items: (Fact | null)[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2 sm:p-5">
      {items.filter((item): item is Fact => item !== null).map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-slate-600">{label}</dt>
          <dd className="mt-0.5 break-words text-slate-900">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
