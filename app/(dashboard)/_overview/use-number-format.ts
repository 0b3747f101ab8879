'use client';

import { useMemo } from 'react';
import { useI18n } from '@/components/i18n/client';

/** Counts and rates in the reader's locale (amounts go through formatFen: yuan from whole fen). */
export function useNumberFormat() {
  const { locale } = useI18n();
  return useMemo(() => {
    const count = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    // Axis ticks only: a rounded yuan figure ("1.2万", "12K"); tooltips and cards show exact amounts.
    const compactYuan = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    return {
      count: (value: number) => count.format(value),
      percent: (value: number | null) => (value === null ? '—' : percent.format(value)),
      decimal: (value: number) => decimal.format(value),
      axisYuan: (fen: number) => `¥${compactYuan.format(fen / 100)}`,
    };
  }, [locale]);
}
