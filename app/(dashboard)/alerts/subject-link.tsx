'use client';

import Link from 'next/link';
import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';
import { alertSubjectHref, type AlertSubject } from './subject-href';

/** The alert's subject, linked to its page when the dashboard has one. */
export function SubjectLink({ alert }: { alert: AlertSubject }) {
  const href = alertSubjectHref(alert);
  const text = alert.eventId ?? alert.serialNo ?? alert.subject;
  if (!href) return <span className="font-mono text-xs break-all text-slate-700">{text}</span>;
  return (
    <Link href={href} className={cx('rounded font-mono text-xs break-all text-brand-800 hover:underline', focusRing)}>
      {text}
    </Link>
  );
}
