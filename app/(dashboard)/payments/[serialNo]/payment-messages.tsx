'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { AlertSeverityBadge, AlertStatusBadge } from '../../alerts/alert-badges';
import { prettyJson } from '../../audit/audit-summary';
import { OutcomeBadge } from '../payment-badges';
import type { PaymentDetail } from '../payment-types';
import { Section } from './section';

function Raw({ title, children }: { title: string; children: string }) {
  return (
    <div className="min-w-0">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600">{title}</h4>
      <pre className="mt-1 max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-800">{children}</pre>
    </div>
  );
}

/** A native disclosure: keyboard and screen readers handle it, and it stays closed until asked. */
function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="group mt-3">
      <summary className="cursor-pointer rounded text-sm font-medium text-brand-800 hover:underline">{summary}</summary>
      <div className="mt-3 space-y-3">{children}</div>
    </details>
  );
}

function Empty({ children }: { children: string }) {
  return <p className="rounded-xl border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">{children}</p>;
}

/** What the channel sent us, what we sent the app, and what was flagged. */
export function PaymentMessages({ detail }: { detail: PaymentDetail }) {
  const { t } = useI18n();
  return (
    <>
      <Section title={t('payments.callbacks.title')} count={detail.callbacks.length} testId="payment-callbacks">
        {detail.callbacks.length === 0 ? <Empty>{t('payments.callbacks.empty')}</Empty> : null}
        <ul className="space-y-3">
          {detail.callbacks.map((callback) => (
            <li key={callback.id}>
              <Card className="p-4">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm">
                  <DateTime value={callback.receivedAt} className="font-medium text-slate-900" />
                  <OutcomeBadge outcome={callback.outcome} />
                  <Badge tone={callback.verified === true ? 'green' : callback.verified === false ? 'red' : 'slate'}>
                    {callback.verified === true ? t('payments.callbacks.verified') : callback.verified === false ? t('payments.callbacks.unverified') : t('payments.callbacks.unchecked')}
                  </Badge>
                  <code className="font-mono text-xs text-slate-600">{callback.method}</code>
                </div>
                {callback.reason ? <p className="mt-2 text-sm break-words text-slate-700">{callback.reason}</p> : null}
                <Disclosure summary={t('payments.callbacks.showRaw')}>
                  <Raw title={t('payments.callbacks.headers')}>{prettyJson(callback.headers)}</Raw>
                  {callback.query ? <Raw title={t('payments.callbacks.query')}>{callback.query}</Raw> : null}
                  <Raw title={t('payments.callbacks.body')}>{callback.body}</Raw>
                </Disclosure>
              </Card>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('payments.events.title')} count={detail.events.length} testId="payment-events">
        {detail.events.length === 0 ? <Empty>{t('payments.events.empty')}</Empty> : null}
        <ul className="space-y-3">
          {detail.events.map((event) => (
            <li key={event.id}>
              <Card className="p-4">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm">
                  <DateTime value={event.createdAt} className="font-medium text-slate-900" />
                  <code className="font-mono text-xs font-medium text-slate-900">{event.type}</code>
                  <code className="font-mono text-xs text-slate-500">{event.id}</code>
                </div>
                <Disclosure summary={t('payments.events.showData')}>
                  <Raw title="data">{prettyJson(event.data)}</Raw>
                </Disclosure>
              </Card>
            </li>
          ))}
        </ul>
      </Section>
      {detail.alerts.length > 0 ? (
        <Section title={t('payments.alerts.title')} count={detail.alerts.length}>
          <ul className="space-y-3">
            {detail.alerts.map((alert) => (
              <li key={alert.id} className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1 font-medium">
                  <Link href={`/alerts/${alert.id}`} className={cx('rounded hover:underline', focusRing)}>
                    {t(`payments.alertKinds.${alert.kind}`)}
                  </Link>
                  <AlertSeverityBadge severity={alert.severity} />
                  <AlertStatusBadge status={alert.status} />
                  <DateTime value={alert.createdAt} className="font-normal" />
                  {alert.occurrences > 1 ? (
                    <span className="font-normal">
                      {t('payments.alerts.occurrences', { count: String(alert.occurrences) })} · <DateTime value={alert.lastSeenAt} />
                    </span>
                  ) : null}
                </p>
                <p className="mt-1 break-words">{alert.message}</p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
