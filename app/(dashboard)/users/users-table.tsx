'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { StatusBadge } from '@/components/ui/badge';
import { type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { Select } from '@/components/ui/select';
import { ListTable } from '@/components/ui/list-table';
import { useListQuery } from '@/components/ui/use-list-query';
import type { Role } from '@/server/db/generated/client';
import type { RouterOutputs } from '../router-outputs';
import type { Reveal } from './reveal';
import { useCompanyOptions } from './use-company-options';
import { UserRowActions } from './user-row-actions';

type User = RouterOutputs['users']['list']['items'][number];
type SortKey = 'createdAt' | 'email' | 'name' | 'lastLoginAt';
type Filters = { role: '' | Role; status: '' | 'active' | 'disabled'; companyId: string };

const ROLES: Role[] = ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'];

export interface UsersTableProps {
  viewer: { id: string; role: Role };
  /** Limits the table to one company (the company page); the users page leaves it out. */
  companyId?: string;
  onReveal: (reveal: Reveal) => void;
  onNotice: (message: string) => void;
}

export function UsersTable({ viewer, companyId, onReveal, onNotice }: UsersTableProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const acrossCompanies = viewer.role === 'PLATFORM_ADMIN' && !companyId;
  const list = useListQuery<SortKey, Filters>({
    sortKeys: ['createdAt', 'email', 'name', 'lastLoginAt'],
    filters: { role: '', status: '', companyId: '' },
    filterValues: { role: ['', ...ROLES], status: ['', 'active', 'disabled'] },
    // The company page has a table of its own; only the users page owns the address bar.
    syncUrl: !companyId,
  });
  const companies = useCompanyOptions(acrossCompanies);
  const { status, companyId: chosenCompany, ...input } = list.input;
  const query = useQuery({
    ...trpc.users.list.queryOptions({
      ...input,
      ...(status ? { disabled: status === 'disabled' } : {}),
      ...(companyId ? { companyId } : acrossCompanies && chosenCompany ? { companyId: chosenCompany } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const roles = companyId || viewer.role !== 'PLATFORM_ADMIN' ? ROLES.filter((role) => role !== 'PLATFORM_ADMIN') : ROLES;

  const columns: Column<User, SortKey>[] = [
    {
      id: 'name',
      header: t('users.columns.name'),
      sortKey: 'name',
      cell: (user) => (
        <div>
          <p className="font-medium text-slate-900">
            {user.name}
            {user.id === viewer.id ? <span className="ml-1.5 text-xs font-normal text-slate-500">({t('users.you')})</span> : null}
          </p>
          <p className="text-xs text-slate-600">{user.email}</p>
        </div>
      ),
    },
    { id: 'role', header: t('users.columns.role'), cell: (user) => t(`roles.${user.role}`) },
    ...(acrossCompanies
      ? [{ id: 'company', header: t('users.columns.company'), cell: (user: User) => companies.nameOf(user.companyId) ?? <span className="text-slate-500">{t('users.platform')}</span> }]
      : []),
    {
      id: 'status',
      header: t('users.columns.status'),
      cell: (user) => <StatusBadge status={user.disabled ? 'DISABLED' : 'ACTIVE'} />,
    },
    {
      id: 'lastLoginAt',
      header: t('users.columns.lastLogin'),
      sortKey: 'lastLoginAt',
      cell: (user) => (user.lastLoginAt ? <DateTime value={user.lastLoginAt} /> : <span className="text-slate-500">{t('users.neverLoggedIn')}</span>),
    },
    {
      id: 'actions',
      header: <span className="sr-only sm:not-sr-only">{t('users.columns.actions')}</span>,
      cell: (user) => (user.id === viewer.id ? null : <UserRowActions user={user} onReveal={onReveal} onNotice={onNotice} />),
    },
  ];

  return (
    <ListTable
      list={list}
      query={query}
      searchLabel={t('users.searchLabel')}
      filters={
        <>
          {acrossCompanies ? (
            <Select
              label={t('users.filters.company')}
              className="sm:w-48"
              value={list.state.filters.companyId}
              onChange={(event) => list.setFilter('companyId', event.target.value)}
              options={[{ value: '', label: t('ui.filters.all') }, ...companies.options]}
            />
          ) : null}
          <div className="grid grid-cols-2 gap-3 sm:flex">
            <Select
              label={t('users.filters.role')}
              className="sm:w-40"
              value={list.state.filters.role}
              onChange={(event) => list.setFilter('role', event.target.value as Filters['role'])}
              options={[{ value: '', label: t('ui.filters.all') }, ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
            />
            <Select
              label={t('users.filters.status')}
              className="sm:w-32"
              value={list.state.filters.status}
              onChange={(event) => list.setFilter('status', event.target.value as Filters['status'])}
              options={[
                { value: '', label: t('ui.filters.all') },
                { value: 'active', label: t('users.statusOptions.active') },
                { value: 'disabled', label: t('users.statusOptions.disabled') },
              ]}
            />
          </div>
        </>
      }
      caption={t('users.caption')}
      columns={columns}
      rowKey={(user) => user.id}
      rowTestId={(user) => user.email}
      emptyTitle={t('users.emptyTitle')}
      emptyDescription={t('users.emptyDescription')}
    />
  );
}
