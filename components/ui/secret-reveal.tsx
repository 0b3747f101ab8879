'use client';

import { useEffect, useId, useRef } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Button } from './button';
import { CopyButton } from './copy-button';
import { cx } from './cx';

export interface RevealedValue {
  /** E.g. "应用密钥", "临时密码". */
  label: string;
  value: string;
  /** Lets tests read the value, e.g. `'app-secret'`. */
  testId?: string;
}

export interface SecretRevealProps {
  /** What just happened, e.g. "应用已注册". */
  title: string;
  /** Extra explanation under the title, e.g. what to do with the secret. */
  description?: string;
  /** The secret(s), and any identifiers that belong with them (an app ID next to its secret). */
  values: readonly RevealedValue[];
  /** Forgets the secret: the caller drops it from state. */
  onDone: () => void;
  className?: string;
}

/**
 * A secret the server returns exactly once (app secret, temporary password): shown with a copy
 * button and a plain warning that it will not be shown again. Takes focus so the news is read out.
 */
export function SecretReveal({ title, description, values, onDone, className }: SecretRevealProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-testid="secret-reveal"
      className={cx('rounded-xl border border-amber-300 bg-amber-50 p-4 outline-none focus-visible:ring-2 focus-visible:ring-amber-500 sm:p-5', className)}
    >
      <h2 id={titleId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-slate-700">{description}</p> : null}
      <dl className="mt-4 space-y-3">
        {values.map((item) => (
          <div key={item.label}>
            <dt className="text-sm font-medium text-slate-800">{item.label}</dt>
            <dd className="mt-1 flex flex-wrap items-center gap-2">
              <code className="min-w-0 rounded-md border border-amber-200 bg-white px-2.5 py-1.5 font-mono text-sm break-all text-slate-900 select-all" data-testid={item.testId}>
                {item.value}
              </code>
              <CopyButton value={item.value} label={item.label} />
            </dd>
          </div>
        ))}
      </dl>
      <div role="note" className="mt-4 flex gap-2 text-sm text-amber-950">
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0 text-amber-600">
          <path d="M10 2 1 18h18L10 2zm-1 6h2v5H9V8zm0 6h2v2H9v-2z" />
        </svg>
        <p>
          <strong className="font-semibold">{t('ui.secret.warningTitle')}</strong> {t('ui.secret.warning')}
        </p>
      </div>
      <Button variant="secondary" className="mt-4" onClick={onDone}>
        {t('ui.secret.done')}
      </Button>
    </section>
  );
}
