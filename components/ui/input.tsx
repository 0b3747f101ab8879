import { useId, type ComponentProps } from 'react';
import { cx } from './cx';

export interface InputProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  /** Shown under the field and announced with it; also marks the field invalid. */
  error?: string | null;
  id?: string;
}

export function Input({ label, error, id, className, ...props }: InputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const errorId = `${inputId}-error`;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cx(
          'mt-1.5 block min-h-11 w-full rounded-md border bg-white px-3 text-base text-slate-900 shadow-sm placeholder:text-slate-400 sm:text-sm',
          'focus:outline-2 focus:outline-offset-0 focus:outline-brand-600',
          error ? 'border-red-600' : 'border-slate-300',
        )}
        {...props}
      />
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
