'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { useTRPC } from '@/components/trpc/react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DateTime } from '@/components/ui/date-time';
import { errorMessage } from '@/components/ui/form-errors';
import { describeDiscrepancy } from '../../describe-discrepancy';
import type { DiscrepancyRow } from '../../reconciliation-types';
import { ResolveForm } from './resolve-form';

function Side({ title, facts }: { title: string; facts: Array<[string, ReactNode]> }) {
  return (
    <div className="min-w-0 rounded-lg bg-slate-50 p-3">
      <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h4>
      <dl className="space-y-1 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-x-3">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0 font-mono text-xs break-all text-slate-900 sm:text-sm">{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** One discrepancy: PayCenter's record and the channel's side by side, and its resolution or the actions to reach one. */
export function DiscrepancyCard({ line, canManage, onChanged }: { line: DiscrepancyRow; canManage: boolean; onChanged: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const sync = useMutation(trpc.reconciliation.sync.mutationOptions());
  const [resolving, setResolving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const amount = (fen: number | null) => (fen === null ? null : formatFen(fen));
  const ours: Array<[string, ReactNode]> = [
    [t('reconciliation.line.serialNo'), line.ours.serialNo],
    ...(line.ours.refundSerialNo ? [[t('reconciliation.line.refundSerialNo'), line.ours.refundSerialNo] as [string, ReactNode]] : []),
    [t('reconciliation.line.amount'), amount(line.ours.amount)],
    [t('reconciliation.line.status'), line.ours.status],
  ];
  const channel: Array<[string, ReactNode]> = [
    [t('reconciliation.line.tradeNo'), line.channel.tradeNo],
    ...(line.channel.refundNo ? [[t('reconciliation.line.refundNo'), line.channel.refundNo] as [string, ReactNode]] : []),
    [t('reconciliation.line.amount'), amount(line.channel.amount)],
    [t('reconciliation.line.status'), line.channel.status],
  ];

  async function syncFromChannel() {
    setNotice(null);
    try {
      const result = await sync.mutateAsync({ discrepancyId: line.id });
      setNotice(t('reconciliation.line.synced', { record: result.record.id, before: result.record.before, after: result.record.after }));
      await onChanged();
    } catch (error) {
      setNotice(errorMessage(error, t));
    }
  }

  return (
    <li>
      <Card className="p-4" data-testid={`discrepancy-${line.id}`}>
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <Badge tone={line.resolution ? 'slate' : 'amber'}>{t(`reconciliation.kinds.${line.kind}`)}</Badge>
          {line.billLine !== null ? <span className="text-xs text-slate-500">{t('reconciliation.line.billLine', { line: line.billLine })}</span> : null}
        </div>
        <p className="mb-3 text-sm break-words text-slate-700">{describeDiscrepancy({ t, locale, line })}</p>
        {line.kind === 'BILL_INCONSISTENT' ? null : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Side title={t('reconciliation.sides.ours')} facts={ours} />
            <Side title={t('reconciliation.sides.channel')} facts={channel} />
          </div>
        )}
        {line.resolution ? (
          <div className="mt-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-950" data-testid="discrepancy-resolution">
            <p className="text-xs text-green-900">
              {t('reconciliation.line.resolvedBy', { who: line.resolution.resolvedBy ?? '—' })} · <DateTime value={line.resolution.resolvedAt} />
            </p>
            <p className="mt-1 break-words whitespace-pre-wrap">{line.resolution.note}</p>
          </div>
        ) : canManage ? (
          resolving ? (
            <ResolveForm discrepancyId={line.id} onCancel={() => setResolving(false)} onResolved={async () => { setResolving(false); await onChanged(); }} />
          ) : (
            <div className="mt-3 flex flex-wrap gap-2">
              <Button onClick={() => setResolving(true)}>{t('reconciliation.line.resolve')}</Button>
              {line.ours.serialNo ? (
                <Button variant="secondary" onClick={syncFromChannel} aria-disabled={sync.isPending || undefined}>
                  {sync.isPending ? t('reconciliation.line.syncing') : t('reconciliation.line.sync')}
                </Button>
              ) : null}
            </div>
          )
        ) : null}
        <p role="status" className="mt-2 text-sm text-slate-700 empty:hidden">
          {notice}
        </p>
      </Card>
    </li>
  );
}
