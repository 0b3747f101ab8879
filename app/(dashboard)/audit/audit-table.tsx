'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import type { MessageKey } from '@/components/i18n/translate';
import { useTRPC } from '@/components/trpc/react';
import { ExpandToggle, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { DateRangeFilter } from '@/components/ui/date-range-filter';
import { Select } from '@/components/ui/select';
import { ListTable } from '@/components/ui/list-table';
import { useListQuery } from '@/components/ui/use-list-query';
import type { RouterOutputs } from '../router-outputs';
import { AuditDetails } from './audit-details';
import { dayBoundary } from './audit-summary';

type Entry = RouterOutputs['audit']['list']['items'][number];
type Filters = { action: string; targetType: string; from: string; to: string };

const ACTION_PREFIXES = ['company', 'user', 'merchant', 'channel', 'certificate', 'app', 'grant', 'auth', 'alert'] as const;
const TARGET_TYPES = ['PropertyCompany', 'User', 'Merchant', 'PaymentChannel', 'TrustedCertificate', 'App', 'AppGrant', 'Alert'] as const;

function targetTypeLabel(type: string): MessageKey | null {
  return (TARGET_TYPES as readonly string[]).includes(type) ? (`audit.targetTypes.${type}` as MessageKey) : null;
}

export function AuditTable() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const list = useListQuery<'createdAt', Filters>({
    sortKeys: ['createdAt'],
    filters: { action: '', targetType: '', from: '', to: '' },
    filterValues: { action: ['', ...ACTION_PREFIXES.map((prefix) => `${prefix}.`)], targetType: ['', ...TARGET_TYPES] },
    syncUrl: true,
  });
  const { search, from, to, ...input } = list.input;
  const fromDate = from ? dayBoundary(from, 'start') : undefined;
  const toDate = to ? dayBoundary(to, 'end') : undefined;
  const badRange = !!fromDate && !!toDate && toDate < fromDate;
  const query = useQuery({
    ...trpc.audit.list.queryOptions({
      ...input,
      ...(search ? { actorEmail: search } : {}),
      ...(fromDate ? { from: fromDate } : {}),
      ...(toDate && !badRange ? { to: toDate } : {}),
    }),
    placeholderData: keepPreviousData,
  });

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const columns: Column<Entry, 'createdAt'>[] = [
    {
      id: 'expand',
      header: <span className="sr-only">{t('audit.columns.details')}</span>,
      className: 'w-10 pr-0',
      cell: (entry) => <ExpandToggle expanded={expanded.has(entry.id)} onToggle={() => toggle(entry.id)} controls={`audit-${entry.id}`} />,
    },
    { id: 'time', header: t('audit.columns.time'), sortKey: 'createdAt', cell: (entry) => <DateTime value={entry.createdAt} className="whitespace-nowrap" /> },
    { id: 'action', header: t('audit.columns.action'), cell: (entry) => <code className="font-mono text-xs font-medium text-slate-900">{entry.action}</code> },
    {
      id: 'actor',
      header: t('audit.columns.actor'),
      cell: (entry) =>
        entry.actorEmail ? (
          <div>
            <p>{entry.actorEmail}</p>
            {entry.actorRole ? <p className="text-xs text-slate-600">{t(`roles.${entry.actorRole}`)}</p> : null}
          </div>
        ) : (
          <span className="text-slate-500">{t('audit.system')}</span>
        ),
    },
    {
      id: 'target',
      header: t('audit.columns.target'),
      cell: (entry) => {
        const label = targetTypeLabel(entry.targetType);
        return (
          <div>
            <p>{label ? t(label) : entry.targetType}</p>
            {entry.targetId ? <p className="font-mono text-xs text-slate-600">{entry.targetId}</p> : null}
          </div>
        );
      },
    },
  ];

  return (
    <ListTable
      list={list}
      query={query}
      searchLabel={t('audit.searchLabel')}
      searchPlaceholder="name@example.com"
      filters={
        <>
          <Select
            label={t('audit.filters.action')}
            className="sm:w-36"
            value={list.state.filters.action}
            onChange={(event) => list.setFilter('action', event.target.value)}
            options={[{ value: '', label: t('ui.filters.all') }, ...ACTION_PREFIXES.map((prefix) => ({ value: `${prefix}.`, label: t(`audit.actionPrefixes.${prefix}`) }))]}
          />
          <Select
            label={t('audit.filters.targetType')}
            className="sm:w-36"
            value={list.state.filters.targetType}
            onChange={(event) => list.setFilter('targetType', event.target.value)}
            options={[{ value: '', label: t('ui.filters.all') }, ...TARGET_TYPES.map((type) => ({ value: type, label: t(`audit.targetTypes.${type}`) }))]}
          />
          <DateRangeFilter
            from={list.state.filters.from}
            to={list.state.filters.to}
            onChange={(bound, value) => list.setFilter(bound, value)}
            labels={{ from: t('audit.filters.from'), to: t('audit.filters.to') }}
            invalidMessage={badRange ? t('audit.invalidRange') : null}
          />
        </>
      }
      caption={t('audit.caption')}
      columns={columns}
      rowKey={(entry) => entry.id}
      rowTestId={(entry) => entry.action}
      emptyTitle={t('audit.emptyTitle')}
      emptyDescription={t('audit.emptyDescription')}
      expandedKeys={expanded}
      renderExpanded={(entry) => <AuditDetails entry={entry} id={`audit-${entry.id}`} />}
    />
  );
}
