'use client';

import { useI18n } from '@/components/i18n/client';
import { DateRangeFilter } from '@/components/ui/date-range-filter';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { PAYMENT_CHANNELS } from '../payments/payment-types';
import { usePaymentFilterOptions } from '../payments/use-filter-options';
import { useCompanyOptions } from '../users/use-company-options';

export const PERIODS = ['today', '7d', '30d', 'month', 'custom'] as const;

export interface OverviewFilterState {
  period: (typeof PERIODS)[number];
  month: string;
  from: string;
  to: string;
  companyId: string;
  merchantId: string;
  appId: string;
  channel: '' | (typeof PAYMENT_CHANNELS)[number];
  /** Live money, sandbox tests, or both. */
  mode: '' | 'live' | 'sandbox';
}

/** The period picker and the merchant, app, channel, mode (and, for platform admins, company) filters. */
export function OverviewFilters({ state, onChange, showCompany, invalidRange }: { state: OverviewFilterState; onChange: (next: Partial<OverviewFilterState>) => void; showCompany: boolean; invalidRange: boolean }) {
  const { t } = useI18n();
  const companies = useCompanyOptions(showCompany);
  const options = usePaymentFilterOptions(state.companyId);
  const all = { value: '', label: t('ui.filters.all') };
  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:flex-wrap lg:items-end">
      <div className="grid grid-cols-2 gap-3 sm:flex">
        <Select
          label={t('overview.period.label')}
          className="sm:w-36"
          value={state.period}
          onChange={(event) => onChange({ period: event.target.value as OverviewFilterState['period'] })}
          options={PERIODS.map((period) => ({ value: period, label: t(`overview.period.${period}`) }))}
        />
        {state.period === 'month' ? <Input label={t('overview.month')} type="month" className="sm:w-44" value={state.month} required onChange={(event) => onChange({ month: event.target.value })} /> : null}
      </div>
      {state.period === 'custom' ? (
        <DateRangeFilter from={state.from} to={state.to} onChange={(bound, value) => onChange({ [bound]: value })} labels={{ from: t('overview.from'), to: t('overview.to') }} invalidMessage={invalidRange ? t('overview.invalidRange') : null} />
      ) : null}
      {showCompany ? (
        <Select
          label={t('overview.filters.company')}
          className="sm:w-44"
          value={state.companyId}
          // A merchant of another company would match nothing.
          onChange={(event) => onChange({ companyId: event.target.value, merchantId: '' })}
          options={[all, ...companies.options]}
        />
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:flex">
        <Select label={t('overview.filters.merchant')} className="sm:w-40" value={state.merchantId} onChange={(event) => onChange({ merchantId: event.target.value })} options={[all, ...options.merchants]} />
        <Select label={t('overview.filters.app')} className="sm:w-40" value={state.appId} onChange={(event) => onChange({ appId: event.target.value })} options={[all, ...options.apps]} />
        <Select
          label={t('overview.filters.channel')}
          className="sm:w-32"
          value={state.channel}
          onChange={(event) => onChange({ channel: event.target.value as OverviewFilterState['channel'] })}
          options={[all, ...PAYMENT_CHANNELS.map((channel) => ({ value: channel, label: t(`payments.channels.${channel}`) }))]}
        />
        <Select
          label={t('overview.filters.mode')}
          className="sm:w-28"
          value={state.mode}
          onChange={(event) => onChange({ mode: event.target.value as OverviewFilterState['mode'] })}
          options={[all, { value: 'live', label: t('overview.filters.live') }, { value: 'sandbox', label: t('overview.filters.sandbox') }]}
        />
      </div>
    </div>
  );
}
