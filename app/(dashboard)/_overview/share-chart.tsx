'use client';

import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { EChart } from './echart';
import { useNumberFormat } from './use-number-format';

const PALETTE = ['#2f5bd3', '#0f9f6e', '#e0851b', '#8b5cf6', '#db2777', '#64748b'];

export interface Share {
  key: string;
  label: string;
  collected: number;
  payments: number;
}

/** A donut of who collected what, with the exact figures listed beside it (its readable text). */
export function ShareChart({ title, shares, testId }: { title: string; shares: Share[]; testId: string }) {
  const { t } = useI18n();
  const format = useNumberFormat();
  const total = shares.reduce((sum, share) => sum + share.collected, 0);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'item', confine: true, formatter: (item: { name: string; value: number; percent: number }) => `${item.name}<br/>${formatFen(item.value)} (${item.percent}%)` },
      series: [{ type: 'pie', radius: ['55%', '85%'], avoidLabelOverlap: true, label: { show: false }, data: shares.map((share) => ({ name: share.label, value: share.collected })) }],
    }),
    [shares],
  );
  return (
    <section aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {total === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t('overview.charts.nothingToSplit')}</p>
      ) : (
        <div className="mt-3 flex flex-col items-center gap-4 sm:flex-row">
          <EChart option={option} label={t('overview.charts.shareLabel', { title })} className="h-40 w-40 shrink-0" />
          <ul className="w-full min-w-0 space-y-2 text-sm">
            {shares.map((share, index) => (
              <li key={share.key} className="flex items-center gap-2">
                <span aria-hidden="true" className="size-2.5 shrink-0 rounded-full" style={{ background: PALETTE[index % PALETTE.length] }} />
                <span className="min-w-0 flex-1 truncate text-slate-700">{share.label}</span>
                <span className="text-right font-medium text-slate-900 tabular-nums">{formatFen(share.collected)}</span>
                <span className="w-14 text-right text-xs text-slate-500 tabular-nums">{format.percent(share.collected / total)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
