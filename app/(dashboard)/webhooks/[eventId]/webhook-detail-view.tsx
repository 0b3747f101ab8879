'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { DetailUnavailable } from '@/components/dashboard/detail-page';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { PageHeader } from '@/components/ui/page-header';
import { Facts, Section } from '../../payments/[serialNo]/section';
import { WebhookStatusBadge } from '../webhook-status-badge';
import type { WebhookDetail } from '../webhook-types';
import { ResendButton } from './resend-button';

type Attempt = WebhookDetail['attempts'][number];

export function WebhookDetailView({ eventId, canResend }: { eventId: string; canResend: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.webhooks.get.queryOptions({ eventId }));
  const [notice, setNotice] = useState<string | null>(null);
  const back = { href: '/webhooks', label: t('webhooks.detail.back') };
  const detail = query.data;
  if (!detail) return <DetailUnavailable title={t('webhooks.title')} back={back} error={query.error} />;

  const columns: Column<Attempt>[] = [
    { id: 'number', header: t('webhooks.attempts.number'), cell: (a) => <span className="tabular-nums">{a.number}</span> },
    { id: 'startedAt', header: t('webhooks.attempts.startedAt'), cell: (a) => <DateTime value={a.startedAt} className="whitespace-nowrap" /> },
    { id: 'trigger', header: t('webhooks.attempts.trigger'), cell: (a) => t(`webhooks.attempts.${a.trigger}`) },
    {
      id: 'result',
      header: t('webhooks.attempts.result'),
      cell: (a) => (
        <div className="max-w-64">
          <p className="tabular-nums">{a.statusCode ?? t('webhooks.attempts.noAnswer')}</p>
          {a.error ? <p className="text-xs break-words text-red-700">{a.error}</p> : null}
        </div>
      ),
    },
    { id: 'duration', header: t('webhooks.attempts.duration'), className: 'text-right', cell: (a) => <span className="tabular-nums">{a.durationMs} ms</span> },
    { id: 'response', header: t('webhooks.attempts.response'), cell: (a) => <pre className="max-w-72 truncate font-mono text-xs text-slate-700">{a.responseExcerpt || '—'}</pre> },
  ];

  return (
    <div>
      <PageHeader
        back={back}
        title={
          <span className="inline-flex flex-wrap items-center gap-3">
            <span className="font-mono">{detail.event.type}</span>
            <WebhookStatusBadge status={detail.status} />
          </span>
        }
        description={<span className="font-mono text-xs">{detail.eventId}</span>}
        actions={canResend ? <ResendButton eventId={detail.eventId} onDone={setNotice} /> : undefined}
      />
      <div role="status">{notice ? <Alert tone="info">{notice}</Alert> : null}</div>
      <div className="mt-6 space-y-10">
        <Section title={t('webhooks.detail.facts')}>
          <Card>
            <Facts
              items={[
                [t('webhooks.detail.url'), <span key="url" className="font-mono text-xs break-all">{detail.url}</span>],
                [t('webhooks.detail.app'), detail.app?.name ?? detail.appId],
                detail.serialNo
                  ? [t('webhooks.detail.payment'), <Link key="payment" className="font-mono text-xs text-brand-800 hover:underline" href={`/payments/${detail.serialNo}`}>{detail.serialNo}</Link>]
                  : null,
                detail.refundSerialNo ? [t('webhooks.detail.refund'), <span key="refund" className="font-mono text-xs">{detail.refundSerialNo}</span>] : null,
                detail.deliveredAt ? [t('webhooks.detail.deliveredAt'), <DateTime key="deliveredAt" value={detail.deliveredAt} />] : null,
                detail.exhaustedAt ? [t('webhooks.detail.exhaustedAt'), <DateTime key="exhaustedAt" value={detail.exhaustedAt} />] : null,
                detail.nextAttemptAt ? [t('webhooks.detail.nextAttemptAt'), <DateTime key="nextAttemptAt" value={detail.nextAttemptAt} />] : null,
                detail.inFlight ? [t('webhooks.detail.inFlight'), '✓'] : null,
              ]}
            />
          </Card>
        </Section>
        <Section title={t('webhooks.detail.attempts')} count={detail.attempts.length} testId="webhook-attempts">
          <Card className="relative overflow-hidden">
            <DataTable caption={t('webhooks.detail.attempts')} columns={columns} rows={detail.attempts} rowKey={(a) => a.id} />
          </Card>
        </Section>
        <Section title={t('webhooks.detail.body')}>
          <Card>
            <pre className="overflow-x-auto p-4 font-mono text-xs text-slate-800">{JSON.stringify(detail.event, null, 2)}</pre>
          </Card>
        </Section>
      </div>
    </div>
  );
}
