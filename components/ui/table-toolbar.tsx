'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { cx } from './cx';
import { focusRing } from './focus-ring';

export interface TableToolbarProps {
  /** The applied search; the box follows it when it changes from outside (e.g. a reset). */
  search: string;
  /** Called once typing pauses for `debounceMs`, or at once on Enter. */
  onSearchChange: (search: string) => void;
  /** The search box's label, e.g. "搜索公司名称". */
  searchLabel: string;
  searchPlaceholder?: string;
  debounceMs?: number;
  /** Filter selects, shown next to the search box (stacked on phones). */
  children?: ReactNode;
  /** Buttons at the end, e.g. "新建". */
  actions?: ReactNode;
  className?: string;
}

export function TableToolbar({ search, onSearchChange, searchLabel, searchPlaceholder, debounceMs = 300, children, actions, className }: TableToolbarProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(search);
  const [applied, setApplied] = useState(search);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onSearchChange);

  useEffect(() => {
    onChangeRef.current = onSearchChange;
  }, [onSearchChange]);

  // Follow a search changed from outside, without clobbering what is being typed.
  if (search !== applied) {
    setApplied(search);
    setText(search);
  }

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function apply(value: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setApplied(value);
    onChangeRef.current(value);
  }

  function handleChange(value: string) {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(value), debounceMs);
  }

  return (
    <div className={cx('flex flex-col gap-3 border-b border-slate-200 p-4 sm:flex-row sm:flex-wrap sm:items-end', className)}>
      <div className="min-w-0 sm:w-64">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {searchLabel}
        </label>
        <div className="relative mt-1.5">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400">
            <circle cx="9" cy="9" r="5.5" />
            <path d="m13 13 4 4" strokeLinecap="round" />
          </svg>
          <input
            id={id}
            type="search"
            value={text}
            placeholder={searchPlaceholder}
            onChange={(event) => handleChange(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                apply(text);
              }
            }}
            className="block min-h-11 w-full rounded-md border border-slate-300 bg-white pr-3 pl-9 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600 sm:text-sm"
          />
        </div>
      </div>
      {children}
      {text ? (
        <button
          type="button"
          onClick={() => {
            setText('');
            apply('');
          }}
          className={cx('min-h-10 self-start rounded-md px-2 text-sm text-brand-800 underline-offset-2 hover:underline sm:self-end', focusRing)}
        >
          {t('ui.toolbar.clear')}
        </button>
      ) : null}
      {actions ? <div className="flex flex-col gap-2 sm:ml-auto sm:flex-row">{actions}</div> : null}
    </div>
  );
}
