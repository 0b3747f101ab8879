'use client';

import { useI18n } from '@/components/i18n/client';
import type { RouterOutputs } from '../router-outputs';
import { prettyJson, splitSummary } from './audit-summary';

type Entry = RouterOutputs['audit']['list']['items'][number];

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600">{title}</h4>
      <pre className="mt-1 max-h-80 overflow-auto rounded-md border border-slate-200 bg-white p-3 font-mono text-xs leading-relaxed text-slate-800">{prettyJson(value)}</pre>
    </div>
  );
}

/** The expanded row: the summary's before/after side by side, then where the request came from. */
export function AuditDetails({ entry, id }: { entry: Entry; id: string }) {
  const { t } = useI18n();
  const { before, after, rest, other } = splitSummary(entry.summary);
  const meta: [string, string | null][] = [
    [t('audit.details.targetId'), entry.targetId],
    [t('audit.details.companyId'), entry.companyId],
    [t('audit.details.ip'), entry.ip],
    [t('audit.details.requestId'), entry.requestId],
    [t('audit.details.userAgent'), entry.userAgent],
  ];
  const empty = before === undefined && after === undefined && rest === null && other === undefined;

  return (
    <div id={id} className="space-y-4 pt-1" data-testid="audit-details">
      {empty ? <p className="text-sm text-slate-600">{t('audit.details.noSummary')}</p> : null}
      {before !== undefined || after !== undefined ? (
        <div className="grid gap-3 md:grid-cols-2">
          {before !== undefined ? <JsonBlock title={t('audit.details.before')} value={before} /> : null}
          {after !== undefined ? <JsonBlock title={t('audit.details.after')} value={after} /> : null}
        </div>
      ) : null}
      {rest ? <JsonBlock title={t('audit.details.summary')} value={rest} /> : null}
      {other !== undefined ? <JsonBlock title={t('audit.details.summary')} value={other} /> : null}
      <dl className="grid gap-x-6 gap-y-1 text-xs sm:grid-cols-[max-content_1fr]">
        {meta
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd className="font-mono break-all whitespace-normal text-slate-800">{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}
