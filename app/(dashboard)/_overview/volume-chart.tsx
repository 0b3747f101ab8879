'use client';

import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import { EChart } from './echart';
import type { OverviewData } from './overview-types';
import { useNumberFormat } from './use-number-format';

const BRAND = '#2f5bd3';
const COUNT = '#0f9f6e';

/** Collected amount (bars, left axis) and successful payments (line, right axis) for every day. */
export function VolumeChart({ days }: { days: OverviewData['days'] }) {
  const { t } = useI18n();
  const format = useNumberFormat();
  const option = useMemo<EChartsCoreOption>(() => {
    const amount = t('overview.charts.amount');
    const count = t('overview.charts.count');
    return {
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { data: [amount, count], top: 0, left: 0, itemWidth: 14, textStyle: { color: '#334155' } },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params: Array<{ axisValue: string; seriesName: string; value: number; marker: string; seriesIndex: number }>) =>
          [params[0]?.axisValue ?? '', ...params.map((item) => `${item.marker}${item.seriesName} ${item.seriesIndex === 0 ? formatFen(item.value) : format.count(item.value)}`)].join('<br/>'),
      },
      xAxis: { type: 'category', data: days.map((day) => day.day.slice(5)), axisTick: { alignWithLabel: true }, axisLabel: { color: '#475569', hideOverlap: true } },
      yAxis: [
        { type: 'value', axisLabel: { color: '#475569', formatter: (value: number) => format.axisYuan(value) }, splitLine: { lineStyle: { color: '#e2e8f0' } } },
        { type: 'value', minInterval: 1, axisLabel: { color: '#475569' }, splitLine: { show: false } },
      ],
      series: [
        { name: amount, type: 'bar', data: days.map((day) => day.collected), itemStyle: { color: BRAND, borderRadius: [3, 3, 0, 0] }, barMaxWidth: 28 },
        { name: count, type: 'line', yAxisIndex: 1, data: days.map((day) => day.payments), itemStyle: { color: COUNT }, symbolSize: 6, smooth: false },
      ],
    };
  }, [days, t, format]);
  return <EChart option={option} label={t('overview.charts.volumeLabel')} className="h-72 w-full" />;
}
