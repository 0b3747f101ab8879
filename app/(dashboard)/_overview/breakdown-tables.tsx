'use client';

import { useI18n } from '@/components/i18n/client';
import { formatFen } from '@/components/money/fen';
import type { OverviewData } from './overview-types';
import { useNumberFormat } from './use-number-format';

const cell = 'px-3 py-2 text-right tabular-nums whitespace-nowrap';

/** Each app's collected, payments, refunds and net; scrolls inside itself on a phone, never the page. */
export function ByAppTable({ apps }: { apps: OverviewData['byApp'] }) {
  const { t } = useI18n();
  const format = useNumberFormat();
  return (
    <section aria-labelledby="by-app-title">
      <h2 id="by-app-title" className="text-base font-semibold text-slate-900">
        {t('overview.charts.byApp')}
      </h2>
      {apps.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t('overview.charts.nothingToSplit')}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-sm" data-testid="overview-by-app">
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">{t('overview.columns.app')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">{t('overview.columns.collected')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">{t('overview.columns.payments')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">{t('overview.columns.refunds')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">{t('overview.columns.net')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {apps.map((app) => (
                <tr key={app.appId}>
                  <th scope="row" className="max-w-40 truncate px-3 py-2 text-left font-medium text-slate-900">{app.name}</th>
                  <td className={cell}>{formatFen(app.collected)}</td>
                  <td className={cell}>{format.count(app.payments)}</td>
                  <td className={cell}>{formatFen(app.refundAmount)}</td>
                  <td className={cell}>{formatFen(app.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The channels' failure codes of the period, each with a bar against the most frequent. */
export function FailureReasons({ codes }: { codes: OverviewData['failureCodes'] }) {
  const { t } = useI18n();
  const format = useNumberFormat();
  const most = codes[0]?.count ?? 0;
  return (
    <section aria-labelledby="failures-title">
      <h2 id="failures-title" className="text-base font-semibold text-slate-900">
        {t('overview.charts.failures')}
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t('overview.charts.failuresHint')}</p>
      {codes.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t('overview.charts.noFailures')}</p>
      ) : (
        <ol className="mt-3 space-y-2 text-sm" data-testid="overview-failures">
          {codes.map((code) => (
            <li key={code.code}>
              <div className="flex items-baseline justify-between gap-3">
                <span className="min-w-0 font-mono text-xs break-all text-slate-800">{code.code}</span>
                <span className="font-medium text-slate-900 tabular-nums">{format.count(code.count)}</span>
              </div>
              <div aria-hidden="true" className="mt-1 h-1.5 rounded-full bg-slate-100">
                <div className="h-1.5 rounded-full bg-red-400" style={{ width: `${(code.count / most) * 100}%` }} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
