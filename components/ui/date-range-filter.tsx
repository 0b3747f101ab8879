'use client';

import { Input } from './input';

export interface DateRangeFilterProps {
  from: string;
  to: string;
  onChange: (bound: 'from' | 'to', value: string) => void;
  labels: { from: string; to: string };
  /** Shown under "to" when the range ends before it starts. */
  invalidMessage: string | null;
}

/** Two date inputs (yyyy-MM-dd) for list filters, each bounding the other. */
export function DateRangeFilter({ from, to, onChange, labels, invalidMessage }: DateRangeFilterProps) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:flex">
      <Input label={labels.from} type="date" className="sm:w-40" value={from} max={to || undefined} onChange={(event) => onChange('from', event.target.value)} />
      <Input label={labels.to} type="date" className="sm:w-40" value={to} min={from || undefined} onChange={(event) => onChange('to', event.target.value)} error={invalidMessage} />
    </div>
  );
}
