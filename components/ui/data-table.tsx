'use client';

import { Fragment, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Alert } from './alert';
import { Button } from './button';
import { cx } from './cx';
import { errorMessage } from './form-errors';
import { focusRing } from './focus-ring';
import type { SortDir } from './list-query-state';

export interface Column<T, S extends string = string> {
  /** Unique within the table. */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Makes the header a sort button for this server sort key. */
  sortKey?: S;
  /** Extra classes for this column's header and cells, e.g. `'text-right'` or `'w-40'`. */
  className?: string;
}

export interface DataTableProps<T, S extends string = string> {
  /** Names the table for screen readers (rendered as a visually hidden caption). */
  caption: string;
  columns: readonly Column<T, S>[];
  /** Undefined while the first page loads. */
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  /** True while (re)fetching; rows already shown stay, dimmed. */
  loading?: boolean;
  /** A failed query's error; shown with a retry button when `onRetry` is given. */
  error?: unknown;
  onRetry?: () => void;
  sortBy?: S;
  sortDir?: SortDir;
  onSort?: (sortKey: S) => void;
  emptyTitle?: string;
  emptyDescription?: string;
  /** Content of an extra full-width row under a row, for rows whose key is in `expandedKeys`. */
  renderExpanded?: (row: T) => ReactNode;
  expandedKeys?: ReadonlySet<string>;
  /** Lets a row be found in tests, e.g. `(row) => row.email`. */
  rowTestId?: (row: T) => string;
  className?: string;
}

const SKELETON_ROWS = 3;

function SortIcon({ dir }: { dir: SortDir | null }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 16" className="size-3 shrink-0" fill="currentColor">
      <path d="M6 2 10 7H2z" className={dir === 'asc' ? 'text-brand-700' : 'text-slate-300'} />
      <path d="M6 14 2 9h8z" className={dir === 'desc' ? 'text-brand-700' : 'text-slate-300'} />
    </svg>
  );
}

/**
 * A server-paged table: typed columns, sortable headers (`aria-sort`), and its loading (skeleton
 * rows), empty and error states. Wrap it in a Card; it scrolls sideways on narrow screens.
 */
export function DataTable<T, S extends string = string>(props: DataTableProps<T, S>) {
  const { caption, columns, rows, rowKey, loading, error, onRetry, sortBy, sortDir, onSort, renderExpanded, expandedKeys, rowTestId, className } = props;
  const { t } = useI18n();
  const hasRows = !!rows && rows.length > 0;

  // Messages sit under the table, not in a cell: the table may be wider than the screen.
  let message: ReactNode = null;
  let body: ReactNode = null;
  if (error && !hasRows) {
    message = (
      <Alert tone="error" role="alert" title={t('ui.table.errorTitle')} className="m-4">
        <p>{errorMessage(error, t)}</p>
        {onRetry ? (
          <Button variant="secondary" className="mt-3" onClick={onRetry}>
            {t('ui.table.retry')}
          </Button>
        ) : null}
      </Alert>
    );
  } else if (!rows) {
    body = Array.from({ length: SKELETON_ROWS }, (_, index) => (
      <tr key={index}>
        {columns.map((column) => (
          <td key={column.id} className="px-4 py-3">
            <span aria-hidden="true" className="block h-4 w-full max-w-32 animate-pulse rounded bg-slate-200" />
          </td>
        ))}
      </tr>
    ));
  } else if (rows.length === 0) {
    message = (
      <div className="px-4 py-10 text-center">
        <p className="font-medium text-slate-900">{props.emptyTitle ?? t('ui.table.emptyTitle')}</p>
        <p className="mt-1 text-sm text-slate-600">{props.emptyDescription ?? t('ui.table.emptyDescription')}</p>
      </div>
    );
  } else {
    body = rows.map((row) => {
      const key = rowKey(row);
      const expanded = !!renderExpanded && !!expandedKeys?.has(key);
      return (
        <Fragment key={key}>
          <tr className={cx('align-top', expanded ? 'bg-slate-50' : 'hover:bg-slate-50')} data-testid={rowTestId ? `row-${rowTestId(row)}` : undefined}>
            {columns.map((column) => (
              <td key={column.id} className={cx('px-3 py-3 text-slate-800 first:pl-4 last:pr-4', column.className)}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
          {expanded ? (
            <tr className="bg-slate-50">
              <td colSpan={columns.length} className="px-4 pb-4">
                {renderExpanded(row)}
              </td>
            </tr>
          ) : null}
        </Fragment>
      );
    });
  }

  return (
    <div className={className}>
      {/* `relative` keeps visually hidden (absolute) header text inside the scroller, not widening the page. */}
      <div className="relative overflow-x-auto">
        <table className={cx('w-full min-w-max border-collapse text-left text-sm', loading && hasRows && 'opacity-60 transition-opacity')} aria-busy={loading || undefined}>
          <caption className="sr-only">
            {caption}
            {loading ? ` (${t('ui.table.loading')})` : null}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600">
            <tr>
              {columns.map((column) => {
                const sortable = !!column.sortKey && !!onSort;
                const dir = sortable && column.sortKey === sortBy ? (sortDir ?? 'desc') : null;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={sortable ? (dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none') : undefined}
                    className={cx('px-3 py-2.5 whitespace-nowrap first:pl-4 last:pr-4', column.className)}
                  >
                    {sortable && column.sortKey ? (
                      <button
                        type="button"
                        onClick={() => onSort(column.sortKey as S)}
                        className={cx('-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-slate-900', focusRing)}
                      >
                        {column.header}
                        <SortIcon dir={dir} />
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">{body}</tbody>
        </table>
      </div>
      {message}
      {error && hasRows ? (
        <Alert tone="error" role="alert" className="m-4">
          {errorMessage(error, t)}
          {onRetry ? (
            <Button variant="secondary" className="ml-3" onClick={onRetry}>
              {t('ui.table.retry')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}

export interface ExpandToggleProps {
  expanded: boolean;
  onToggle: () => void;
  /** The id of the element the toggle shows, if any. */
  controls?: string;
}

/** The button for an expandable row's first cell. */
export function ExpandToggle({ expanded, onToggle, controls }: ExpandToggleProps) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-controls={controls}
      aria-label={expanded ? t('ui.table.collapse') : t('ui.table.expand')}
      onClick={onToggle}
      className={cx('grid size-8 place-items-center rounded-md text-slate-600 hover:bg-slate-200 hover:text-slate-900', focusRing)}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={cx('size-4 transition-transform', expanded && 'rotate-90')}>
        <path d="M7 4l6 6-6 6z" />
      </svg>
    </button>
  );
}
