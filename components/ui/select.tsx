import { useId, type ComponentProps } from 'react';
import { cx } from './cx';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<ComponentProps<'select'>, 'id' | 'children'> {
  label: string;
  options: readonly SelectOption[];
  /** Shown under the field and announced with it; also marks the field invalid. */
  error?: string | null;
  id?: string;
}

/** A labelled native select (the keyboard and screen-reader behaviour come for free). */
export function Select({ label, options, error, id, className, ...props }: SelectProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const errorId = `${selectId}-error`;
  return (
    <div className={className}>
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cx(
          'mt-1.5 block min-h-11 w-full rounded-md border bg-white px-3 text-base text-slate-900 shadow-sm sm:text-sm',
          'focus:outline-2 focus:outline-offset-0 focus:outline-brand-600',
          error ? 'border-red-600' : 'border-slate-300',
        )}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
