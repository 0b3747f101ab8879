import type { ComponentProps } from 'react';
import { controlClass, Field, useField, type FieldOptions } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<ComponentProps<'select'>, 'id' | 'children'>, FieldOptions {
  label: string;
  options: readonly SelectOption[];
}

/** A labelled native select (the keyboard and screen-reader behaviour come for free). */
export function Select({ label, options, hint, error, id, className, ...props }: SelectProps) {
  const ids = useField({ id, hint, error });
  return (
    <Field label={label} hint={hint} error={error} ids={ids} className={className}>
      <select {...ids.controlProps} className={controlClass(error, 'min-h-11')} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
