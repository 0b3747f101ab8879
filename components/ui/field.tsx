import { useId, type ReactNode } from 'react';
import { cx } from './cx';

export interface FieldOptions {
  id?: string;
  /** Help under the label, e.g. the expected format. */
  hint?: string;
  /** Shown under the field and announced with it; also marks the field invalid. */
  error?: string | null;
}

/** Ids and ARIA wiring shared by every labelled form control. */
export function useField({ id, hint, error }: FieldOptions) {
  const generatedId = useId();
  const fieldId = id ?? generatedId;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return {
    fieldId,
    hintId,
    errorId,
    controlProps: { id: fieldId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy },
  };
}

/** The border and focus look of a control, red when invalid. */
export function controlClass(error: string | null | undefined, extra: string): string {
  return cx(
    'mt-1.5 block w-full rounded-md border bg-white px-3 text-base text-slate-900 shadow-sm sm:text-sm',
    'focus:outline-2 focus:outline-offset-0 focus:outline-brand-600',
    extra,
    error ? 'border-red-600' : 'border-slate-300',
  );
}

/** Label, optional hint, the control, and the error message under it. */
export function Field(props: { label: string; hint?: string; error?: string | null; ids: ReturnType<typeof useField>; className?: string; children: ReactNode }) {
  const { label, hint, error, ids, className, children } = props;
  return (
    <div className={className}>
      <label htmlFor={ids.fieldId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={ids.hintId} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={ids.errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
