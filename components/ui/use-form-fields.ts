'use client';

import { useCallback, useState } from 'react';

export type FieldErrors<V> = Partial<Record<keyof V, string>>;

/**
 * A form's text values and per-field errors. Editing a field clears its error, whether it came
 * from the client's checks or from the server.
 */
export function useFormFields<V extends { [K in keyof V]: string }>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const setField = useCallback((field: keyof V, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }, []);
  const reset = useCallback((next?: V) => {
    setValues(next ?? initial);
    setErrors({});
  }, [initial]);
  return { values, errors, setErrors, setField, reset };
}

/** Keeps only the server's field errors that belong to this form's fields. */
export function pickFieldErrors<V>(fields: Record<string, string>, names: readonly (keyof V & string)[]): FieldErrors<V> {
  const picked: FieldErrors<V> = {};
  for (const name of names) if (fields[name]) picked[name] = fields[name];
  return picked;
}
