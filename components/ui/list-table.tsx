'use client';

import type { ReactNode } from 'react';
import { DataTable, type DataTableProps } from './data-table';
import { Pagination } from './pagination';
import { TableToolbar } from './table-toolbar';
import type { FilterValues, ListQuery } from './use-list-query';

/** What a query of one of the server's paged `list` procedures returns. */
export interface ListQueryResult<T> {
  data: { items: readonly T[]; page: number; pageSize: number; total: number } | undefined;
  isFetching: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

type WiredTableProps = 'rows' | 'loading' | 'error' | 'onRetry' | 'sortBy' | 'sortDir' | 'onSort';

export interface ListTableProps<T, S extends string, F extends FilterValues> extends Omit<DataTableProps<T, S>, WiredTableProps> {
  /** The table's page, sort, search and filters, from `useListQuery`. */
  list: ListQuery<S, F>;
  /** The list query made with `list.input`. */
  query: ListQueryResult<T>;
  searchLabel: string;
  searchPlaceholder?: string;
  /** Filter controls, shown next to the search box. */
  filters?: ReactNode;
  /** Buttons at the toolbar's end, e.g. an export menu. */
  actions?: ReactNode;
}

/** A server-paged list: search and filters, the table, and pagination, wired to the list state and its query. */
export function ListTable<T, S extends string, F extends FilterValues>({ list, query, searchLabel, searchPlaceholder, filters, actions, ...table }: ListTableProps<T, S, F>) {
  return (
    <>
      <TableToolbar search={list.state.search} onSearchChange={list.setSearch} searchLabel={searchLabel} searchPlaceholder={searchPlaceholder} actions={actions}>
        {filters}
      </TableToolbar>
      <DataTable
        {...table}
        rows={query.data?.items}
        loading={query.isFetching}
        error={query.error}
        onRetry={() => void query.refetch()}
        sortBy={list.state.sortBy}
        sortDir={list.state.sortDir}
        onSort={list.toggleSort}
      />
      {query.data ? <Pagination page={query.data.page} pageSize={query.data.pageSize} total={query.data.total} onPageChange={list.setPage} /> : null}
    </>
  );
}
