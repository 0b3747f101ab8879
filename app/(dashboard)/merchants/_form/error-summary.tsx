'use client';

import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';

export interface ErrorSummaryItem {
  /** The field path the server named, e.g. `credentials.privateKey`. */
  path: string;
  label: string;
  message: string;
  /** The input to focus; none for errors that belong to no field on the form. */
  fieldId?: string;
}

export interface ErrorSummaryProps {
  /** The failure itself; focus moves here each time it changes to a new one. */
  error: unknown;
  title: string;
  /** Formats a field's name before its message, e.g. `(label) => t('merchants.errors.fieldLabel', { label })`. */
  formatLabel: (label: string) => string;
  /** The failure's top-level message; null when the form has no error. */
  message: string | null;
  items: readonly ErrorSummaryItem[];
}

/**
 * What went wrong, at the top of a form: the overall message and each bad field by name, each a
 * link to its input. It takes focus on every new failure so keyboard and screen-reader users hear it.
 */
export function ErrorSummary({ error, title, formatLabel, message, items }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);

  return (
    <div role="alert" aria-atomic="true">
      {message ? (
        <Alert ref={ref} tabIndex={-1} tone="error" title={items.length > 0 ? title : undefined} className="outline-none" data-testid="form-error-summary">
          {items.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5">
              {items.map((item) => (
                <li key={item.path}>
                  {item.fieldId ? (
                    <a
                      href={`#${item.fieldId}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(item.fieldId ?? '')?.focus();
                      }}
                      className={cx('font-medium underline underline-offset-2', focusRing)}
                    >
                      {formatLabel(item.label)}
                    </a>
                  ) : (
                    <span className="font-medium">{formatLabel(item.label)}</span>
                  )}
                  {item.message}
                </li>
              ))}
            </ul>
          ) : (
            <p>{message}</p>
          )}
        </Alert>
      ) : null}
    </div>
  );
}
