import type { ComponentProps } from 'react';
import { controlClass, Field, useField, type FieldOptions } from './field';

export interface InputProps extends Omit<ComponentProps<'input'>, 'id'>, FieldOptions {
  label: string;
}

export function Input({ label, hint, error, id, className, ...props }: InputProps) {
  const ids = useField({ id, hint, error });
  return (
    <Field label={label} hint={hint} error={error} ids={ids} className={className}>
      <input {...ids.controlProps} className={controlClass(error, 'min-h-11 placeholder:text-slate-400')} {...props} />
    </Field>
  );
}
