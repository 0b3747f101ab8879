'use client';

import { useI18n } from '@/components/i18n/client';

/** A timestamp in the reader's locale and time zone, machine-readable in `dateTime`. */
export function DateTime({ value, className }: { value: Date | string | null | undefined; className?: string }) {
  const { locale } = useI18n();
  if (!value) return <span className={className}>—</span>;
  const date = typeof value === 'string' ? new Date(value) : value;
  return (
    // The server renders in its own time zone; the browser's may differ.
    <time dateTime={date.toISOString()} className={className} suppressHydrationWarning>
      {new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(date)}
    </time>
  );
}
