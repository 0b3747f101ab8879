/** The pure state behind `useListQuery`: paging, sorting, search and filters of one table. */

export type SortDir = 'asc' | 'desc';

/** Filter values are strings as a `<select>` or the URL holds them; `''` means "no filter". */
export type FilterValues = Record<string, string>;

export interface ListState<S extends string, F extends FilterValues> {
  page: number;
  pageSize: number;
  sortBy: S;
  sortDir: SortDir;
  search: string;
  filters: F;
}

export type ListAction<S extends string, F extends FilterValues> =
  | { type: 'page'; page: number }
  | { type: 'pageSize'; pageSize: number }
  | { type: 'sort'; sortBy: S }
  | { type: 'search'; search: string }
  | { type: 'filter'; key: keyof F; value: F[keyof F] }
  | { type: 'reset'; state: ListState<S, F> };

/**
 * Anything that changes which rows match (search, filters, page size) goes back to page 1, so the
 * reader never lands on an empty page past the end. Sorting the same column flips its direction;
 * a new column starts ascending.
 */
export function listQueryReducer<S extends string, F extends FilterValues>(state: ListState<S, F>, action: ListAction<S, F>): ListState<S, F> {
  switch (action.type) {
    case 'page':
      return { ...state, page: Math.max(1, Math.floor(action.page)) };
    case 'pageSize':
      return { ...state, pageSize: action.pageSize, page: 1 };
    case 'sort':
      return action.sortBy === state.sortBy
        ? { ...state, sortDir: state.sortDir === 'asc' ? 'desc' : 'asc', page: 1 }
        : { ...state, sortBy: action.sortBy, sortDir: 'asc', page: 1 };
    case 'search':
      return action.search === state.search ? state : { ...state, search: action.search, page: 1 };
    case 'filter':
      return state.filters[action.key] === action.value ? state : { ...state, filters: { ...state.filters, [action.key]: action.value }, page: 1 };
    case 'reset':
      return action.state;
  }
}

export interface ListDefaults<S extends string, F extends FilterValues> {
  /** Sortable keys; the first is the default. */
  sortKeys: readonly [S, ...S[]];
  sortDir: SortDir;
  pageSize: number;
  filters: F;
  /** Allowed values per filter; a URL value outside them is ignored. Free-text filters leave theirs out. */
  filterValues?: { [K in keyof F]?: readonly F[K][] };
}

export function initialListState<S extends string, F extends FilterValues>(defaults: ListDefaults<S, F>): ListState<S, F> {
  return { page: 1, pageSize: defaults.pageSize, sortBy: defaults.sortKeys[0], sortDir: defaults.sortDir, search: '', filters: { ...defaults.filters } };
}

/** Only what differs from the defaults goes into the URL, so a fresh table has a clean address. */
export function listStateToParams<S extends string, F extends FilterValues>(state: ListState<S, F>, defaults: ListDefaults<S, F>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== defaults.pageSize) params.set('pageSize', String(state.pageSize));
  if (state.sortBy !== defaults.sortKeys[0]) params.set('sortBy', state.sortBy);
  if (state.sortDir !== defaults.sortDir) params.set('sortDir', state.sortDir);
  if (state.search) params.set('q', state.search);
  for (const key of Object.keys(state.filters) as (keyof F & string)[]) {
    const value = state.filters[key];
    if (value !== undefined && value !== defaults.filters[key]) params.set(key, value);
  }
  return params;
}

function positiveInt(value: string | null, max: number): number | null {
  if (!value || !/^\d{1,6}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}

/** Reads a table's state from the URL, ignoring anything malformed or not allowed. */
export function listStateFromParams<S extends string, F extends FilterValues>(params: URLSearchParams, defaults: ListDefaults<S, F>): ListState<S, F> {
  const state = initialListState(defaults);
  state.page = positiveInt(params.get('page'), 100_000) ?? 1;
  state.pageSize = positiveInt(params.get('pageSize'), 100) ?? defaults.pageSize;
  const sortBy = params.get('sortBy');
  const sortKey = defaults.sortKeys.find((key) => key === sortBy);
  if (sortKey) state.sortBy = sortKey;
  const sortDir = params.get('sortDir');
  if (sortDir === 'asc' || sortDir === 'desc') state.sortDir = sortDir;
  state.search = (params.get('q') ?? '').slice(0, 100);
  for (const key of Object.keys(defaults.filters) as (keyof F & string)[]) {
    const value = params.get(key);
    if (value === null) continue;
    const allowed = defaults.filterValues?.[key];
    const match = allowed ? allowed.find((candidate) => candidate === value) : (value as F[typeof key]);
    if (match !== undefined) state.filters[key] = match;
  }
  return state;
}

/** Filters without their empty ("all") values, ready to spread into a list query's input. */
export type ActiveFilters<F extends FilterValues> = { [K in keyof F]?: Exclude<F[K], ''> };

export interface ListInput<S extends string> {
  page: number;
  pageSize: number;
  sortBy: S;
  sortDir: SortDir;
  search?: string;
}

/** Whether a search or a filter narrows the list, so an empty table means "no match" rather than "none yet". */
export function isFiltered<S extends string, F extends FilterValues>(state: ListState<S, F>): boolean {
  return state.search.trim() !== '' || Object.values(state.filters).some((value) => value !== '');
}

export function listInput<S extends string, F extends FilterValues>(state: ListState<S, F>): ListInput<S> & ActiveFilters<F> {
  const filters: Partial<Record<keyof F, string>> = {};
  for (const key of Object.keys(state.filters) as (keyof F)[]) {
    if (state.filters[key] !== '') filters[key] = state.filters[key];
  }
  const search = state.search.trim();
  return {
    page: state.page,
    pageSize: state.pageSize,
    sortBy: state.sortBy,
    sortDir: state.sortDir,
    ...(search ? { search } : {}),
    ...(filters as ActiveFilters<F>),
  };
}
