'use client';

import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * One ECharts chart, drawn as SVG and resized with its box. ECharts is loaded on first render of a
 * chart (a separate chunk), so only the overview ever downloads it; the figures next to the chart
 * are its accessible text.
 */
/** `className` sizes the chart's box (ECharts draws into it): a height and a width, both required. */
export function EChart({ option, label, className }: { option: EChartsCoreOption; label: string; className: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The option to draw once ECharts has loaded, if it changed meanwhile.
  const latest = useRef(option);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-modules').then(({ init }) => {
      if (disposed || !box.current) return;
      chart.current = init(box.current, null, { renderer: 'svg' });
      chart.current.setOption(latest.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} className={className} />;
}
