'use client';

import { useQuery } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { errorMessage } from '@/components/ui/form-errors';
import { FinishSplitsAction } from './finish-splits-action';
import { Facts, Section } from './section';
import { SplitTimeline } from './split-timeline';
import { splittingState, splitTones, type SplitLineRow, type SplitReturnRow, type SplitRow } from './split-types';

export interface PaymentSplitsProps {
  serialNo: string;
  /** Roles allowed to finish splitting; the server checks again. */
  canFinish: boolean;
  onNotice: (message: string) => void;
}

/** 分账: what was split and can still be, each split with its receivers, the timeline, and "finish splitting". Shown for profitSharing payments. */
export function PaymentSplits({ serialNo, canFinish, onNotice }: PaymentSplitsProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.paymentSplits.get.queryOptions({ serialNo }));
  if (query.error) {
    return (
      <Section title={t('splits.payment.title')}>
        <Alert tone="error" role="alert">
          {errorMessage(query.error, t)}
        </Alert>
      </Section>
    );
  }
  const data = query.data;
  if (!data || (!data.profitSharing && data.splits.length === 0)) return null;
  const state = splittingState(data);
  return (
    <Section title={t('splits.payment.title')} count={data.splits.length} testId="payment-splits">
      <div className="space-y-4">
        <Card className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <Facts
            items={[
              [t('splits.payment.splitAmount'), <span key="split" className="tabular-nums" data-testid="split-amount">{formatFen(data.splitAmount)}</span>],
              state === 'OPEN' ? [t('splits.payment.splittable'), <span key="splittable" className="tabular-nums">{formatFen(data.splittableAmount)}</span>] : null,
              [
                t('splits.payment.state'),
                <span key="state" className="inline-flex flex-wrap items-center gap-2" data-testid="splitting-state">
                  <Badge tone={state === 'FINISHED' ? 'teal' : state === 'FINISHING' ? 'amber' : 'sky'}>{t(`splits.payment.states.${state}`)}</Badge>
                  {data.finishedAt ? <DateTime value={data.finishedAt} className="text-xs text-slate-600" /> : null}
                </span>,
              ],
            ]}
          />
          {canFinish && data.finishable ? (
            <div className="px-4 pb-4 sm:p-5">
              <FinishSplitsAction serialNo={serialNo} onFinished={onNotice} />
            </div>
          ) : null}
        </Card>
        {data.splits.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">{t('splits.payment.empty')}</p>
        ) : (
          data.splits.map((split) => <SplitCard key={split.splitSerialNo} split={split} />)
        )}
        {data.timeline.length > 0 ? <SplitTimeline entries={data.timeline} /> : null}
      </div>
    </Section>
  );
}

function SplitCard({ split }: { split: SplitRow }) {
  const { t } = useI18n();
  const columns: Column<SplitLineRow>[] = [
    {
      id: 'receiver',
      header: t('splits.payment.columns.receiver'),
      cell: (line) => (
        <div>
          <code className="font-mono text-xs break-all text-slate-900">{line.receiverAccount}</code>
          <p className="font-mono text-xs text-slate-500">{line.receiverId}</p>
        </div>
      ),
    },
    { id: 'amount', header: t('splits.payment.columns.amount'), className: 'text-right tabular-nums', cell: (line) => formatFen(line.amount) },
    { id: 'description', header: t('splits.payment.columns.description'), cell: (line) => <span className="break-words whitespace-normal">{line.description}</span> },
    { id: 'status', header: t('splits.payment.columns.status'), cell: (line) => <Badge tone={splitTones[line.status]}>{t(`splits.payment.status.${line.status}`)}</Badge> },
    { id: 'returned', header: t('splits.payment.columns.returned'), className: 'text-right tabular-nums', cell: (line) => (line.returnedAmount ? formatFen(line.returnedAmount) : '—') },
    { id: 'failReason', header: t('splits.payment.columns.failReason'), cell: (line) => (line.failReason ? <span className="text-xs break-words whitespace-normal text-red-800">{line.failReason}</span> : '—') },
  ];
  return (
    <Card className="overflow-hidden" data-testid={`split-${split.splitSerialNo}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-4 py-3">
        <span className="font-semibold text-slate-900 tabular-nums">{formatFen(split.amount)}</span>
        <Badge tone={splitTones[split.status]}>{t(`splits.payment.status.${split.status}`)}</Badge>
        {split.finish ? <Badge tone="teal">{t('splits.payment.finishFlag')}</Badge> : null}
        <DateTime value={split.createdAt} className="text-xs text-slate-600" />
      </div>
      <Facts
        items={[
          [t('splits.payment.splitSerialNo'), <code key="serial" className="font-mono text-xs">{split.splitSerialNo}</code>],
          [t('splits.payment.splitNo'), <code key="no" className="font-mono text-xs">{split.splitNo}</code>],
          split.channelSplitNo ? [t('splits.payment.channelSplitNo'), <code key="channel" className="font-mono text-xs">{split.channelSplitNo}</code>] : null,
          split.failureCode || split.failureMessage ? [t('splits.payment.failure'), [split.failureCode, split.failureMessage].filter(Boolean).join(' · ')] : null,
        ]}
      />
      <div className="relative border-t border-slate-100">
        <DataTable caption={t('splits.payment.linesCaption', { splitSerialNo: split.splitSerialNo })} columns={columns} rows={split.lines} rowKey={(line) => String(line.position)} />
      </div>
      {split.returns.length > 0 ? <SplitReturns split={split} /> : null}
    </Card>
  );
}

/** Money taken back from a split's receivers so that a refund could be made, each return with its refund. */
function SplitReturns({ split }: { split: SplitRow }) {
  const { t } = useI18n();
  const columns: Column<SplitReturnRow>[] = [
    {
      id: 'return',
      header: t('splits.payment.returns.columns.return'),
      cell: (back) => (
        <div>
          <code className="font-mono text-xs break-all text-slate-900">{back.returnSerialNo}</code>
          <p className="font-mono text-xs text-slate-500">{t('splits.payment.returns.forRefund', { refundSerialNo: back.refundSerialNo })}</p>
        </div>
      ),
    },
    { id: 'receiver', header: t('splits.payment.columns.receiver'), cell: (back) => <code className="font-mono text-xs break-all">{back.receiverAccount}</code> },
    { id: 'amount', header: t('splits.payment.columns.amount'), className: 'text-right tabular-nums', cell: (back) => formatFen(back.amount) },
    { id: 'status', header: t('splits.payment.columns.status'), cell: (back) => <Badge tone={splitTones[back.status]}>{t(`splits.payment.status.${back.status}`)}</Badge> },
    { id: 'at', header: t('splits.payment.returns.columns.at'), cell: (back) => <DateTime value={back.finishedAt ?? back.createdAt} className="text-xs" /> },
    { id: 'failReason', header: t('splits.payment.columns.failReason'), cell: (back) => (back.failReason ? <span className="text-xs break-words whitespace-normal text-red-800">{back.failReason}</span> : '—') },
  ];
  return (
    <div className="relative border-t border-slate-100" data-testid={`split-returns-${split.splitSerialNo}`}>
      <h4 className="px-4 pt-3 text-sm font-semibold text-slate-900">{t('splits.payment.returns.title')}</h4>
      <DataTable caption={t('splits.payment.returns.caption', { splitSerialNo: split.splitSerialNo })} columns={columns} rows={split.returns} rowKey={(back) => back.returnSerialNo} />
    </div>
  );
}
