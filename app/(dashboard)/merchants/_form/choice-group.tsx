'use client';

import { useId } from 'react';
import { cx } from '@/components/ui/cx';

export interface ChoiceOption {
  value: string;
  label: string;
  /** A line under the label, e.g. what choosing it means. */
  description?: string;
}

export interface ChoiceGroupProps {
  type: 'radio' | 'checkbox';
  /** The form field name; every option shares it. */
  name: string;
  legend: string;
  hint?: string;
  options: readonly ChoiceOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string | null;
  /** The first option's id, so an error summary can move focus into the group. */
  id?: string;
  /** Options side by side where there is room; otherwise one per line. */
  inline?: boolean;
}

/** A fieldset of radio buttons or checkboxes: the native inputs keep their keyboard behaviour. */
export function ChoiceGroup({ type, name, legend, hint, options, value, onChange, error, id, inline = false }: ChoiceGroupProps) {
  const generatedId = useId();
  const baseId = id ?? generatedId;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  function toggle(option: string, checked: boolean) {
    if (type === 'radio') onChange([option]);
    else onChange(checked ? [...value, option] : value.filter((item) => item !== option));
  }

  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={cx('mt-2 gap-2', inline ? 'flex flex-wrap' : 'grid sm:grid-cols-2')}>
        {options.map((option, index) => {
          const optionId = index === 0 ? baseId : `${baseId}-${option.value}`;
          const checked = value.includes(option.value);
          return (
            <label
              key={option.value}
              htmlFor={optionId}
              className={cx(
                'flex min-h-11 cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2 text-sm',
                'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
                checked ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white hover:bg-slate-50',
                error && !checked && 'border-red-600',
              )}
            >
              <input
                id={optionId}
                type={type}
                name={name}
                value={option.value}
                checked={checked}
                onChange={(event) => toggle(option.value, event.target.checked)}
                className="mt-1 size-4 shrink-0 accent-brand-700 focus:outline-none"
              />
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{option.label}</span>
                {option.description ? <span className="mt-0.5 block text-xs text-slate-600">{option.description}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
