'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import {
  initialListState,
  isFiltered,
  listInput,
  listQueryReducer,
  listStateFromParams,
  listStateToParams,
  type ActiveFilters,
  type FilterValues,
  type ListDefaults,
  type ListInput,
  type ListState,
  type SortDir,
} from './list-query-state';

export type { ActiveFilters, FilterValues, ListInput, ListState, SortDir } from './list-query-state';

export interface UseListQueryOptions<S extends string, F extends FilterValues> {
  /** Sortable keys; the first is the default sort. */
  sortKeys: readonly [S, ...S[]];
  /** Default `'desc'` (newest first). */
  sortDir?: SortDir;
  /** Default 20. */
  pageSize?: number;
  /** Every filter with its initial value; `''` means "all". */
  filters?: F;
  /** Allowed values per filter, checked when reading the URL. */
  filterValues?: ListDefaults<S, F>['filterValues'];
  /** Mirror the state into the address bar so a reload or a shared link keeps it. One table per page only. */
  syncUrl?: boolean;
}

export interface ListQuery<S extends string, F extends FilterValues> {
  state: ListState<S, F>;
  /** Ready for `trpc.x.list.queryOptions(input)`: empty search and filters are left out. */
  input: ListInput<S> & ActiveFilters<F>;
  setPage: (page: number) => void;
  setPageSize: (pageSize: number) => void;
  /** Sorts by `sortBy`, flipping the direction when it is already the sort column. */
  toggleSort: (sortBy: S) => void;
  setSearch: (search: string) => void;
  setFilter: <K extends keyof F>(key: K, value: F[K]) => void;
  reset: () => void;
  /** A search or a filter narrows the list: an empty table then means "no match". */
  filtered: boolean;
}

const NO_FILTERS = {};

/** State of one list table: page, page size, sort, search and filters (any change but paging returns to page 1). */
export function useListQuery<S extends string, F extends FilterValues = Record<never, string>>(options: UseListQueryOptions<S, F>): ListQuery<S, F> {
  const { sortKeys, sortDir = 'desc', pageSize = 20, filters = NO_FILTERS as F, filterValues, syncUrl = false } = options;
  const defaults = useMemo<ListDefaults<S, F>>(
    () => ({ sortKeys, sortDir, pageSize, filters, filterValues }),
    // The options are a table's fixed configuration; reading them once keeps inline literals from resetting state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [state, dispatch] = useReducer(listQueryReducer<S, F>, undefined, () =>
    syncUrl ? listStateFromParams(new URLSearchParams(searchParams.toString()), defaults) : initialListState(defaults),
  );

  const firstRender = useRef(true);
  useEffect(() => {
    if (!syncUrl) return;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const query = listStateToParams(state, defaults).toString();
    // history.replaceState updates useSearchParams without a server round trip, unlike router.replace.
    window.history.replaceState(window.history.state, '', query ? `${pathname}?${query}` : pathname);
  }, [state, defaults, pathname, syncUrl]);

  const setPage = useCallback((page: number) => dispatch({ type: 'page', page }), []);
  const setPageSize = useCallback((size: number) => dispatch({ type: 'pageSize', pageSize: size }), []);
  const toggleSort = useCallback((sortBy: S) => dispatch({ type: 'sort', sortBy }), []);
  const setSearch = useCallback((search: string) => dispatch({ type: 'search', search }), []);
  const setFilter = useCallback(<K extends keyof F>(key: K, value: F[K]) => dispatch({ type: 'filter', key, value }), []);
  const reset = useCallback(() => dispatch({ type: 'reset', state: initialListState(defaults) }), [defaults]);
  const input = useMemo(() => listInput(state), [state]);

  return { state, input, setPage, setPageSize, toggleSort, setSearch, setFilter, reset, filtered: isFiltered(state) };
}
