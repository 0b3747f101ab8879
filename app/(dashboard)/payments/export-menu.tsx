'use client';

import { useEffect, useRef, useState } from 'react';
import { DownloadError, streamDownload, type DownloadProgress } from '@/components/downloads/stream-download';
import { useI18n } from '@/components/i18n/client';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';

type ExportKind = 'payments' | 'refunds';
type Outcome = { tone: 'done' | 'error'; text: string } | null;

/** 1.2 MB, 840 KB, 0 B: enough to see a download move. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the server names it: what it holds and the Beijing minute it was made. */
function fileName(kind: ExportKind): string {
  const beijing = new Date(Date.now() + 8 * 3_600_000).toISOString();
  return `${kind}-${beijing.slice(0, 16).replace(/[-T:]/g, '')}.csv`;
}

const rowsOf = (progress: DownloadProgress) => Math.max(0, progress.lines - 1);

/**
 * The payments list's "Export" menu: the payments, or their refunds, that the current filters select
 * (every page), streamed from /api/exports with rows (of the announced total) and bytes shown as they
 * arrive, and a button to cancel.
 */
export function ExportMenu({ filters }: { filters: Record<string, string> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const running = useRef<AbortController | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  // Leaving the page stops a running export.
  useEffect(() => () => running.current?.abort(), []);

  async function start(kind: ExportKind) {
    setOpen(false);
    setOutcome(null);
    const controller = new AbortController();
    running.current = controller;
    setProgress({ lines: 0, bytes: 0, total: null });
    try {
      const done = await streamDownload({ url: `/api/exports/${kind}?${new URLSearchParams(filters)}`, fileName: fileName(kind), signal: controller.signal, onProgress: setProgress });
      setOutcome({ tone: 'done', text: t('exports.done', { rows: rowsOf(done), bytes: formatBytes(done.bytes) }) });
    } catch (error) {
      if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) setOutcome({ tone: 'done', text: t('exports.cancelled') });
      else setOutcome({ tone: 'error', text: error instanceof DownloadError ? t('exports.failed', { message: error.message }) : t('exports.failedGeneric') });
    } finally {
      running.current = null;
      setProgress(null);
    }
  }

  const item = cx('block min-h-11 w-full rounded px-3 text-left text-sm text-slate-800 hover:bg-slate-100', focusRing);
  return (
    <div className="flex flex-col gap-2 sm:items-end">
      <div ref={menu} className="relative">
        <Button variant="secondary" className="w-full sm:w-auto" aria-haspopup="menu" aria-expanded={open} aria-label={t('exports.menuLabel')} disabled={progress !== null} onClick={() => setOpen(!open)} data-testid="export-menu">
          {t('exports.menu')}
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path d="M5.5 7.5 10 12l4.5-4.5z" />
          </svg>
        </Button>
        {open ? (
          <div role="menu" className="absolute left-0 z-20 mt-2 w-full min-w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg sm:right-0 sm:left-auto sm:w-72">
            <button type="button" role="menuitem" className={item} onClick={() => void start('payments')}>
              {t('exports.payments')}
            </button>
            <button type="button" role="menuitem" className={item} onClick={() => void start('refunds')}>
              {t('exports.refunds')}
            </button>
            <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-600">{t('exports.hint')}</p>
          </div>
        ) : null}
      </div>
      <div role="status" className="text-sm sm:text-right" data-testid="export-status">
        {progress ? (
          <div className="flex flex-col gap-2 sm:items-end">
            <p className="text-slate-700 tabular-nums">
              {progress.total === null
                ? t('exports.progressUnknown', { rows: rowsOf(progress), bytes: formatBytes(progress.bytes) })
                : t('exports.progress', { rows: rowsOf(progress), total: progress.total, bytes: formatBytes(progress.bytes) })}
            </p>
            <div className="flex items-center gap-3">
              <progress className="h-2 w-full sm:w-48" max={progress.total || 1} value={progress.total === null ? undefined : Math.min(rowsOf(progress), progress.total)} />
              <Button variant="ghost" onClick={() => running.current?.abort()}>
                {t('exports.cancel')}
              </Button>
            </div>
          </div>
        ) : outcome ? (
          <p className={outcome.tone === 'error' ? 'text-red-800' : 'text-slate-700'}>{outcome.text}</p>
        ) : null}
      </div>
    </div>
  );
}
