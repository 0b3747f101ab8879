'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { DetailUnavailable } from '@/components/dashboard/detail-page';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { DateTime } from '@/components/ui/date-time';
import { focusRing } from '@/components/ui/focus-ring';
import { errorMessage } from '@/components/ui/form-errors';
import { PageHeader } from '@/components/ui/page-header';
import { ReconciliationStatusBadge } from '../../reconciliation-status-badge';
import { beijingToday, shiftDay } from '../../reconciliation-types';
import { SideTotals } from '../../side-totals';
import { BillsList } from './bills-list';
import { DiscrepancyCard } from './discrepancy-card';

const linkButton = cx('inline-flex min-h-10 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium whitespace-nowrap text-slate-800 shadow-sm hover:bg-slate-50', focusRing);

/** A channel account's day: status, both sides' totals, its bills, and every discrepancy with what staff did about it. */
export function DayView({ paymentChannelId, date, canManage }: { paymentChannelId: string; date: string; canManage: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { paymentChannelId, date };
  const day = useQuery(trpc.reconciliation.day.queryOptions(input));
  const reconcile = useMutation(trpc.reconciliation.reconcileNow.mutationOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const back = { href: '/reconciliation', label: t('reconciliation.day.back') };
  if (!day.data) return <DetailUnavailable title={date} back={back} error={day.error} />;
  const { account, status, bills, discrepancies } = day.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.reconciliation.pathKey() });
  const dayHref = (other: string) => `/reconciliation/${encodeURIComponent(paymentChannelId)}/${other}`;
  const next = shiftDay(date, 1);

  async function reconcileNow() {
    setNotice(null);
    try {
      const run = await reconcile.mutateAsync(input);
      setNotice(t('reconciliation.day.reconciled', { status: t(`reconciliation.status.${run.status}`) }));
      await refresh();
    } catch (error) {
      setNotice(errorMessage(error, t));
    }
  }

  return (
    <>
      <PageHeader
        back={back}
        title={
          <span className="inline-flex flex-wrap items-center gap-3">
            <span className="tabular-nums">{date}</span>
            <ReconciliationStatusBadge status={status.status} />
          </span>
        }
        description={`${account.merchantName} · ${t(`payments.channels.${account.channel}`)} · ${account.companyName}`}
        actions={
          <>
            {canManage ? (
              <Button onClick={reconcileNow} aria-disabled={reconcile.isPending || undefined} disabled={date >= beijingToday()}>
                {reconcile.isPending ? t('reconciliation.day.reconciling') : t('reconciliation.day.reconcileNow')}
              </Button>
            ) : null}
            <a className={linkButton} href={`/api/reconciliation/discrepancies?paymentChannelId=${encodeURIComponent(paymentChannelId)}&date=${date}`} download>
              {t('reconciliation.day.exportCsv')}
            </a>
          </>
        }
      />
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={date}>
        <Link className={linkButton} href={dayHref(shiftDay(date, -1))}>
          <span aria-hidden="true">←</span> {t('reconciliation.day.previous')}
        </Link>
        {next < beijingToday() ? (
          <Link className={linkButton} href={dayHref(next)}>
            {t('reconciliation.day.next')} <span aria-hidden="true">→</span>
          </Link>
        ) : null}
      </nav>
      <p role="status" className="mb-4 text-sm text-slate-700 empty:hidden">
        {notice}
      </p>
      {status.failureReason ? (
        <Alert tone={status.status === 'FAILED' ? 'error' : 'warning'} title={t('reconciliation.day.failure')} className="mb-4" role="alert">
          <span className="break-words">{status.failureReason}</span>
        </Alert>
      ) : status.status === 'PENDING' && !status.reconciledAt ? (
        <Alert tone="info" className="mb-4">
          {t('reconciliation.day.pendingNoRun')}
        </Alert>
      ) : null}
      <div className="mb-8 grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <SideTotals cell={status} />
          <p className="mt-2 text-xs text-slate-500">
            {t('reconciliation.day.reconciledAt')}: <DateTime value={status.reconciledAt} />
          </p>
        </Card>
        <Card className="p-4">
          <h2 className="mb-2 text-sm font-semibold text-slate-900">{t('reconciliation.day.bills')}</h2>
          <BillsList bills={bills} channel={account.channel} />
        </Card>
      </div>
      <section data-testid="reconciliation-discrepancies">
        <h2 className="mb-3 text-base font-semibold text-slate-900">
          {t('reconciliation.day.discrepancies')}
          <span className="ml-2 text-sm font-normal text-slate-500">{discrepancies.length}</span>
        </h2>
        {discrepancies.length === 0 ? (
          <p className="text-sm text-slate-600">{t('reconciliation.day.noDiscrepancies')}</p>
        ) : (
          <ul className="space-y-4">
            {discrepancies.map((line) => (
              <DiscrepancyCard key={line.id} line={line} canManage={canManage} onChanged={refresh} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
