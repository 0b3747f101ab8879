'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DetailUnavailable } from '@/components/dashboard/detail-page';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { PageHeader } from '@/components/ui/page-header';
import { prettyJson } from '../../audit/audit-summary';
import { Facts, Section } from '../../payments/[serialNo]/section';
import { AlertSeverityBadge, AlertStatusBadge } from '../alert-badges';
import type { AlertDetail, AlertSend } from '../alert-types';
import { SubjectLink } from '../subject-link';
import { AlertActions } from './alert-actions';

type Handler = AlertDetail['acknowledgedBy'];

/** One alert: what happened, how often, who handled it, and what DingTalk was sent. */
export function AlertDetailView({ alertId, canHandle, noteMaxLength }: { alertId: string; canHandle: boolean; noteMaxLength: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.alerts.get.queryOptions({ alertId }));
  const [notice, setNotice] = useState<string | null>(null);
  const back = { href: '/alerts', label: t('alerts.detail.back') };
  const alert = query.data;
  if (!alert) return <DetailUnavailable title={t('alerts.title')} back={back} error={query.error} />;

  const handled = (at: Date | null, by: Handler) =>
    at ? (
      <span>
        <DateTime value={at} />
        {by ? <span className="ml-2 text-slate-600">{t('alerts.detail.handledBy', { name: by.name ?? by.id, email: by.email ?? '—' })}</span> : null}
      </span>
    ) : null;

  const sendColumns: Column<AlertSend>[] = [
    {
      id: 'robot',
      header: t('alerts.detail.sendColumns.robot'),
      cell: (send) => (send.robot ? (send.robot.name ?? t('alerts.detail.removedRobot')) : t('alerts.detail.platformRobot')),
    },
    { id: 'status', header: t('alerts.detail.sendColumns.status'), cell: (send) => t(`alerts.detail.sendStatus.${send.status}`) },
    { id: 'count', header: t('alerts.detail.sendColumns.count'), className: 'text-right', cell: (send) => <span className="tabular-nums">{send.alertCount}</span> },
    { id: 'attempts', header: t('alerts.detail.sendColumns.attempts'), className: 'text-right', cell: (send) => <span className="tabular-nums">{send.attempts}</span> },
    { id: 'sentAt', header: t('alerts.detail.sendColumns.sentAt'), cell: (send) => <DateTime value={send.sentAt} className="whitespace-nowrap" /> },
    {
      id: 'errcode',
      header: t('alerts.detail.sendColumns.errcode'),
      cell: (send) => (
        <div className="max-w-64">
          <p className="tabular-nums">{send.errcode ?? '—'}</p>
          {send.errmsg ? <p className="text-xs break-words text-slate-600">{send.errmsg}</p> : null}
        </div>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        back={back}
        title={
          <span className="inline-flex flex-wrap items-center gap-3">
            {t(`payments.alertKinds.${alert.kind}`)}
            <AlertSeverityBadge severity={alert.severity} />
            <AlertStatusBadge status={alert.status} />
          </span>
        }
        description={<span className="break-words">{alert.message}</span>}
        actions={canHandle ? <AlertActions alertId={alert.id} status={alert.status} noteMaxLength={noteMaxLength} onDone={setNotice} /> : undefined}
      />
      <div role="status">{notice ? <Alert tone="info">{notice}</Alert> : null}</div>
      <div className="mt-6 space-y-10">
        <Section title={t('alerts.detail.facts')}>
          <Card>
            <Facts
              items={[
                [t('alerts.detail.company'), alert.company?.name ?? t('alerts.platformWide')],
                [t('alerts.detail.subject'), <SubjectLink key="subject" alert={alert} />],
                [t('alerts.detail.occurrences'), <span key="occurrences" className="tabular-nums">{alert.occurrences}</span>],
                [t('alerts.detail.firstSeen'), <DateTime key="firstSeen" value={alert.createdAt} />],
                [t('alerts.detail.lastSeen'), <DateTime key="lastSeen" value={alert.lastSeenAt} />],
                alert.acknowledgedAt ? [t('alerts.detail.acknowledged'), handled(alert.acknowledgedAt, alert.acknowledgedBy)] : null,
                alert.resolvedAt ? [t('alerts.detail.resolved'), handled(alert.resolvedAt, alert.resolvedBy)] : null,
                alert.resolutionNote ? [t('alerts.detail.resolutionNote'), <span key="note" className="whitespace-pre-wrap" data-testid="resolution-note">{alert.resolutionNote}</span>] : null,
              ]}
            />
          </Card>
        </Section>
        <Section title={t('alerts.detail.details')}>
          <pre className="max-h-80 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-800">
            {alert.details == null ? t('alerts.detail.noDetails') : prettyJson(alert.details)}
          </pre>
        </Section>
        <Section title={t('alerts.detail.sends')} count={alert.sends.length}>
          <Card className="overflow-hidden">
            <DataTable caption={t('alerts.detail.sends')} columns={sendColumns} rows={alert.sends} rowKey={(send) => send.id} emptyTitle={t('alerts.detail.noSends')} emptyDescription={t('alerts.detail.noSendsHint')} />
          </Card>
        </Section>
      </div>
    </div>
  );
}
