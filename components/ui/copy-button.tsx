'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Button, type ButtonProps } from './button';
import { cx } from './cx';

type CopyState = 'idle' | 'copied' | 'failed';

/** The Clipboard API needs a secure context; the textarea fallback covers plain-HTTP intranets. */
async function copyText(value: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(value);
    return;
  }
  const area = document.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

export interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children' | 'value'> {
  value: string;
  /** What is copied, for the accessible name: "复制{label}", e.g. "复制商户 ID". */
  label: string;
}

/** Copies `value` and says so, visibly and through a polite live region. */
export function CopyButton({ value, label, variant = 'secondary', className, ...props }: CopyButtonProps) {
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function handleClick() {
    try {
      await copyText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2500);
  }

  return (
    <>
      <Button
        variant={variant}
        aria-label={t('ui.copy.copyValue', { label })}
        onClick={handleClick}
        className={cx('min-h-8 px-2.5 text-xs', className)}
        {...props}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-3.5">
          {state === 'copied' ? <path d="m4 10 4 4 8-8" strokeLinecap="round" strokeLinejoin="round" /> : <><rect x="7" y="7" width="10" height="10" rx="2" /><path d="M13 7V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h2" /></>}
        </svg>
        {state === 'copied' ? t('ui.copy.copied') : t('ui.copy.copy')}
      </Button>
      <span role="status" aria-live="polite" className={state === 'failed' ? 'text-xs text-red-700' : 'sr-only'}>
        {state === 'copied' ? t('ui.copy.copied') : state === 'failed' ? t('ui.copy.failed') : ''}
      </span>
    </>
  );
}

export interface CopyableValueProps {
  value: string;
  /** What the value is, e.g. "应用 ID"; used for the copy button's name. */
  label: string;
  className?: string;
  /** Lets tests read the value. */
  testId?: string;
}

/** An identifier in monospace with a copy button next to it. */
export function CopyableValue({ value, label, className, testId }: CopyableValueProps) {
  return (
    <span className={cx('inline-flex max-w-full flex-wrap items-center gap-2', className)}>
      <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-800" data-testid={testId}>
        {value}
      </code>
      <CopyButton value={value} label={label} />
    </span>
  );
}
