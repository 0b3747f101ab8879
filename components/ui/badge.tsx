'use client';

import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { cx } from './cx';

export type BadgeTone = 'green' | 'teal' | 'amber' | 'red' | 'slate' | 'indigo' | 'sky';

const tones: Record<BadgeTone, string> = {
  green: 'bg-green-50 text-green-800 ring-green-600/25',
  teal: 'bg-teal-50 text-teal-800 ring-teal-600/25',
  amber: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/25',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/25',
  indigo: 'bg-indigo-50 text-indigo-800 ring-indigo-600/25',
  sky: 'bg-sky-50 text-sky-800 ring-sky-600/25',
};

export function Badge({ tone, children, className }: { tone: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span className={cx('inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', tones[tone], className)}>
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {children}
    </span>
  );
}

export type Status = 'ACTIVE' | 'SUSPENDED' | 'DISABLED' | 'ENABLED' | 'LIVE' | 'SANDBOX' | 'REVOKED';

const statusTones: Record<Status, BadgeTone> = {
  ACTIVE: 'green',
  ENABLED: 'teal',
  SUSPENDED: 'amber',
  DISABLED: 'red',
  REVOKED: 'slate',
  LIVE: 'indigo',
  SANDBOX: 'sky',
};

/** A status in words and colour (the colour is never the only signal). */
export function StatusBadge({ status, className }: { status: Status; className?: string }) {
  const { t } = useI18n();
  return (
    <Badge tone={statusTones[status]} className={className}>
      {t(`ui.status.${status}`)}
    </Badge>
  );
}
