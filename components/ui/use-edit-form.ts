'use client';

import { useState } from 'react';
import { useMutationForm, type UseMutationFormOptions } from './use-mutation-form';

type EditFormOptions<V, TData, TError, TVariables, TContext> = Omit<UseMutationFormOptions<V, TData, TError, TVariables, TContext>, 'onSubmitStart' | 'onSuccess' | 'resetOnSuccess'>;

/** A form that saves changes to an existing item: `saved` is true from a successful save until the next edit or submit. */
export function useEditForm<V extends { [K in keyof V]: string }, TData, TError, TVariables, TContext = unknown>(
  options: EditFormOptions<V, TData, TError, TVariables, TContext>,
) {
  // The item's values when the form opened; later refetches of the item must not overwrite edits.
  const [initial] = useState(options.initial);
  const [saved, setSaved] = useState(false);
  const { ref, values, errors, setField, message, pending, handleSubmit } = useMutationForm({
    ...options,
    initial,
    onSubmitStart: () => setSaved(false),
    onSuccess: () => setSaved(true),
  });

  function editField(field: keyof V, value: string) {
    setField(field, value);
    setSaved(false);
  }

  return { ref, values, errors, setField: editField, message, pending, handleSubmit, saved };
}
