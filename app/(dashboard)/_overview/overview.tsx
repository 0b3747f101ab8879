'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { DateTime } from '@/components/ui/date-time';
import { EmptyState } from '@/components/ui/empty-state';
import { ByAppTable, FailureReasons } from './breakdown-tables';
import { KpiCards } from './kpi-cards';
import { OverviewFilters, type OverviewFilterState } from './overview-filters';
import { ShareChart } from './share-chart';
import { VolumeChart } from './volume-chart';

/** Today's month in Beijing, "yyyy-MM": what the month picker starts on. */
function beijingMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** The procedure's input: only the bounds the period takes, only the filters set. */
function inputOf(state: OverviewFilterState, showCompany: boolean) {
  return {
    period: state.period,
    ...(state.period === 'month' && state.month ? { month: state.month } : {}),
    ...(state.period === 'custom' ? { from: state.from, to: state.to } : {}),
    ...(showCompany && state.companyId ? { companyId: state.companyId } : {}),
    ...(state.merchantId ? { merchantId: state.merchantId } : {}),
    ...(state.appId ? { appId: state.appId } : {}),
    ...(state.channel ? { channel: state.channel } : {}),
    ...(state.mode ? { livemode: state.mode === 'live' } : {}),
  };
}

/**
 * The dashboard home: the period's figures against the previous period, day by day, by channel,
 * method and app, and the failure reasons. A tenant that never had a payment sees `gettingStarted`.
 */
export function Overview({ showCompany, gettingStarted }: { showCompany: boolean; gettingStarted: ReactNode }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [state, setState] = useState<OverviewFilterState>({ period: '7d', month: beijingMonth(), from: '', to: '', companyId: '', merchantId: '', appId: '', channel: '', mode: '' });
  const invalidRange = state.period === 'custom' && !!state.from && !!state.to && state.to < state.from;
  const incomplete = (state.period === 'custom' && (!state.from || !state.to)) || (state.period === 'month' && !state.month);
  const query = useQuery({ ...trpc.analytics.overview.queryOptions(inputOf(state, showCompany)), enabled: !invalidRange && !incomplete, placeholderData: keepPreviousData });
  const data = query.data;

  if (data && data.firstDay === null && !state.companyId) return <>{gettingStarted}</>;

  const filters = <OverviewFilters state={state} onChange={(next) => setState((current) => ({ ...current, ...next }))} showCompany={showCompany} invalidRange={invalidRange} />;
  if (!data) {
    return (
      <div className="space-y-6">
        {filters}
        {query.error ? <Alert tone="error" role="alert" title={t('overview.loadError')}>{query.error.message}</Alert> : <div className="h-64 animate-pulse rounded-xl bg-slate-100" />}
      </div>
    );
  }

  const nothing = data.totals.orders === 0 && data.totals.payments === 0 && data.totals.refundCount === 0 && data.totals.failed === 0;
  return (
    <div className="space-y-6" aria-busy={query.isFetching}>
      {filters}
      <p className="text-xs text-slate-600" data-testid="overview-range">
        {t('overview.range', { from: data.from, to: data.to, previousFrom: data.previous.from, previousTo: data.previous.to })}
        {' · '}
        {data.updatedAt ? (
          <span data-testid="overview-updated-at">
            {t('overview.updatedAt')} <DateTime value={data.updatedAt} />
          </span>
        ) : (
          t('overview.notUpdated')
        )}
      </p>
      {query.error ? <Alert tone="error" role="alert" title={t('overview.loadError')}>{query.error.message}</Alert> : null}
      {nothing ? (
        <EmptyState title={t('overview.empty.title')} description={t('overview.empty.description')} />
      ) : (
        <>
          <KpiCards totals={data.totals} previous={data.previous} />
          <Card className="p-4 sm:p-6">
            <h2 className="text-base font-semibold text-slate-900">{t('overview.charts.volume')}</h2>
            <VolumeChart days={data.days} />
          </Card>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Card className="p-4 sm:p-6">
              <ShareChart title={t('overview.charts.byChannel')} testId="overview-by-channel" shares={data.byChannel.map((row) => ({ key: row.channel, label: t(`payments.channels.${row.channel}`), collected: row.collected, payments: row.payments }))} />
            </Card>
            <Card className="p-4 sm:p-6">
              <ShareChart title={t('overview.charts.byMethod')} testId="overview-by-method" shares={data.byInvokeMethod.map((row) => ({ key: row.invokeMethod, label: t(`payments.invokeMethods.${row.invokeMethod}`), collected: row.collected, payments: row.payments }))} />
            </Card>
            <Card className="min-w-0 p-4 sm:p-6 lg:col-span-2">
              <ByAppTable apps={data.byApp} />
            </Card>
            <Card className="p-4 sm:p-6 lg:col-span-2">
              <FailureReasons codes={data.failureCodes} />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
