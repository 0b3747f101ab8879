'use client';

import { useI18n } from '@/components/i18n/client';
import { Button } from './button';
import { cx } from './cx';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  className?: string;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "Page x of y, n in total" with previous/next; the summary is announced when it changes. */
export function Pagination({ page, pageSize, total, onPageChange, className }: PaginationProps) {
  const { t } = useI18n();
  const pages = pageCount(total, pageSize);
  return (
    <nav aria-label={t('ui.pagination.label')} className={cx('flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3', className)}>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="pagination-summary">
        {t('ui.pagination.summary', { page: Math.min(page, pages), pages, total })}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          {t('ui.pagination.previous')}
        </Button>
        <Button variant="secondary" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          {t('ui.pagination.next')}
        </Button>
      </div>
    </nav>
  );
}
