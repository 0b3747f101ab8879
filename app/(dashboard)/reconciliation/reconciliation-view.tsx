'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { focusRing } from '@/components/ui/focus-ring';
import { errorMessage } from '@/components/ui/form-errors';
import { PageHeader } from '@/components/ui/page-header';
import { DayRow } from './day-row';
import { beijingToday, shiftDay, type AccountRow } from './reconciliation-types';

const DAYS = 7;

const navLink = cx('inline-flex min-h-10 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50', focusRing);

/** Days × channel accounts: each account a card, each of its days a row with status and both sides' totals. */
export function ReconciliationView({ to, showCompany }: { to: string | null; showCompany: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const yesterday = shiftDay(beijingToday(), -1);
  const last = to && to < yesterday ? to : yesterday;
  const grid = useQuery(trpc.reconciliation.days.queryOptions({ to: last, days: DAYS }));
  const later = shiftDay(last, DAYS);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t('reconciliation.title')} description={t('reconciliation.description')} />
      <nav aria-label={t('reconciliation.range', { from: shiftDay(last, 1 - DAYS), to: last })} className="mb-4 flex flex-wrap items-center gap-2">
        <Link className={navLink} href={`/reconciliation?to=${shiftDay(last, -DAYS)}`}>
          <span aria-hidden="true">←</span> {t('reconciliation.earlier')}
        </Link>
        <span className="px-2 text-sm font-medium text-slate-700 tabular-nums" data-testid="reconciliation-range">
          {t('reconciliation.range', { from: shiftDay(last, 1 - DAYS), to: last })}
        </span>
        {last < yesterday ? (
          <>
            <Link className={navLink} href={later < yesterday ? `/reconciliation?to=${later}` : '/reconciliation'}>
              {t('reconciliation.later')} <span aria-hidden="true">→</span>
            </Link>
            <Link className={navLink} href="/reconciliation">
              {t('reconciliation.latest')}
            </Link>
          </>
        ) : null}
      </nav>
      {grid.error ? (
        <Alert tone="error" role="alert">
          {errorMessage(grid.error, t)}
        </Alert>
      ) : !grid.data ? (
        <p role="status" className="text-sm text-slate-600">
          {t('ui.table.loading')}
        </p>
      ) : grid.data.accounts.length === 0 ? (
        <EmptyState title={t('reconciliation.noAccounts.title')} description={t('reconciliation.noAccounts.description')} />
      ) : (
        <div className="space-y-6">
          {grid.data.accounts.map((account) => (
            <AccountCard key={account.id} account={account} showCompany={showCompany} />
          ))}
        </div>
      )}
    </div>
  );
}

function AccountCard({ account, showCompany }: { account: AccountRow; showCompany: boolean }) {
  const { t } = useI18n();
  return (
    <Card className="overflow-hidden" data-testid={`reconciliation-account-${account.id}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-4 py-3">
        <h2 className="text-base font-semibold text-slate-900">
          {account.merchantName} · {t(`payments.channels.${account.channel}`)}
        </h2>
        <StatusBadge status={account.mode} />
        {account.enabled ? null : <StatusBadge status="DISABLED" />}
        {showCompany ? <span className="text-sm text-slate-600">{account.companyName}</span> : null}
        <code className="text-xs break-all text-slate-500">{account.id}</code>
      </div>
      {account.cells.some(Boolean) ? (
        <ul className="divide-y divide-slate-100">
          {account.cells.map((cell, index) => (
            <DayRow key={index} paymentChannelId={account.id} cell={cell} />
          ))}
        </ul>
      ) : (
        <p className="px-4 py-3 text-sm text-slate-500">{t('reconciliation.noDays')}</p>
      )}
    </Card>
  );
}
