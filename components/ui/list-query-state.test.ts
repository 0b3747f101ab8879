import { describe, expect, it } from 'vitest';
import { initialListState, isFiltered, listInput, listQueryReducer, listStateFromParams, listStateToParams, type ListDefaults } from './list-query-state';

type Sort = 'createdAt' | 'name';
type Filters = { status: '' | 'ACTIVE' | 'SUSPENDED'; companyId: string };

const defaults: ListDefaults<Sort, Filters> = {
  sortKeys: ['createdAt', 'name'],
  sortDir: 'desc',
  pageSize: 20,
  filters: { status: '', companyId: '' },
  filterValues: { status: ['', 'ACTIVE', 'SUSPENDED'] },
};
const start = initialListState(defaults);

describe('listQueryReducer', () => {
  it('returns to page 1 when the search, a filter or the page size changes', () => {
    const onPage3 = listQueryReducer(start, { type: 'page', page: 3 });
    expect(onPage3.page).toBe(3);
    expect(listQueryReducer(onPage3, { type: 'search', search: '物业' })).toMatchObject({ page: 1, search: '物业' });
    expect(listQueryReducer(onPage3, { type: 'filter', key: 'status', value: 'ACTIVE' })).toMatchObject({ page: 1, filters: { status: 'ACTIVE', companyId: '' } });
    expect(listQueryReducer(onPage3, { type: 'pageSize', pageSize: 50 })).toMatchObject({ page: 1, pageSize: 50 });
  });

  it('keeps the same state (and page) when nothing really changed', () => {
    const onPage3 = listQueryReducer(start, { type: 'page', page: 3 });
    expect(listQueryReducer(onPage3, { type: 'search', search: '' })).toBe(onPage3);
    expect(listQueryReducer(onPage3, { type: 'filter', key: 'status', value: '' })).toBe(onPage3);
  });

  it('flips the direction on the same column and starts a new column ascending', () => {
    const flipped = listQueryReducer(start, { type: 'sort', sortBy: 'createdAt' });
    expect(flipped).toMatchObject({ sortBy: 'createdAt', sortDir: 'asc' });
    expect(listQueryReducer(flipped, { type: 'sort', sortBy: 'createdAt' }).sortDir).toBe('desc');
    expect(listQueryReducer(start, { type: 'sort', sortBy: 'name' })).toMatchObject({ sortBy: 'name', sortDir: 'asc', page: 1 });
  });

  it('never goes below page 1', () => {
    expect(listQueryReducer(start, { type: 'page', page: 0 }).page).toBe(1);
  });
});

describe('URL mirroring', () => {
  it('writes only what differs from the defaults and reads it back', () => {
    expect(listStateToParams(start, defaults).toString()).toBe('');
    const state = { ...start, page: 2, sortBy: 'name' as const, sortDir: 'asc' as const, search: 'abc', filters: { status: 'SUSPENDED' as const, companyId: 'co_1' } };
    const params = listStateToParams(state, defaults);
    expect(params.toString()).toBe('page=2&sortBy=name&sortDir=asc&q=abc&status=SUSPENDED&companyId=co_1');
    expect(listStateFromParams(params, defaults)).toEqual(state);
  });

  it('ignores malformed or unknown values', () => {
    const params = new URLSearchParams('page=-3&pageSize=1000&sortBy=passwordHash&sortDir=up&status=DELETED&companyId=co_2');
    expect(listStateFromParams(params, defaults)).toEqual({ ...start, filters: { status: '', companyId: 'co_2' } });
  });
});

describe('listInput', () => {
  it('leaves out an empty search and "all" filters', () => {
    expect(listInput(start)).toEqual({ page: 1, pageSize: 20, sortBy: 'createdAt', sortDir: 'desc' });
    const filtered = { ...start, search: '  x ', filters: { status: 'ACTIVE' as const, companyId: '' } };
    expect(listInput(filtered)).toEqual({ page: 1, pageSize: 20, sortBy: 'createdAt', sortDir: 'desc', search: 'x', status: 'ACTIVE' });
  });
});

describe('isFiltered', () => {
  it('is true while a search or a filter narrows the list, and a blank search does not', () => {
    expect(isFiltered(start)).toBe(false);
    expect(isFiltered({ ...start, search: '   ' })).toBe(false);
    expect(isFiltered({ ...start, search: 'x' })).toBe(true);
    expect(isFiltered({ ...start, filters: { status: '', companyId: 'co_1' } })).toBe(true);
  });
});
