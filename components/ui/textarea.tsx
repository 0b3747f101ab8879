import type { ComponentProps } from 'react';
import { controlClass, Field, useField, type FieldOptions } from './field';

export interface TextareaProps extends Omit<ComponentProps<'textarea'>, 'id'>, FieldOptions {
  label: string;
}

export function Textarea({ label, hint, error, id, className, ...props }: TextareaProps) {
  const ids = useField({ id, hint, error });
  return (
    <Field label={label} hint={hint} error={error} ids={ids} className={className}>
      <textarea {...ids.controlProps} className={controlClass(error, 'py-2 placeholder:text-slate-400')} {...props} />
    </Field>
  );
}
