'use client';

import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import type { Translate } from '@/components/i18n/translate';
import { getFormErrors, type ErrorMessageOptions } from './form-errors';
import { useFocusInvalid } from './use-focus-invalid';
import { pickFieldErrors, useFormFields, type FieldErrors } from './use-form-fields';

export interface UseMutationFormOptions<V, TData, TError, TVariables, TContext> {
  initial: V;
  /** The fields the form shows; the server's errors for other fields go into the top-level message. */
  fields: readonly (keyof V & string)[];
  /** The client's checks, run before sending. */
  validate: (values: V, t: Translate) => FieldErrors<V>;
  /** Usually `trpc.x.y.mutationOptions()`; this hook handles its success and error. */
  mutation: UseMutationOptions<TData, TError, TVariables, TContext>;
  toInput: (values: V) => TVariables;
  /** Runs on every submit, before the checks, e.g. to clear an earlier success notice. */
  onSubmitStart?: () => void;
  /** Empties the form once sent (create forms). */
  resetOnSuccess?: boolean;
  onSuccess?: (data: TData) => void;
  /** Queries refetched once the mutation succeeds. */
  invalidates?: readonly QueryKey[];
  /** Messages for app codes this form can explain better than the shared ones, e.g. a channel's refusal. */
  errorOverrides?: (error: TError, t: Translate) => ErrorMessageOptions['overrides'];
}

/**
 * A form that sends its values through a mutation: the client's checks first, then the server's
 * field errors on their fields and the rest as a message, with focus moved to the first invalid field.
 */
export function useMutationForm<V extends { [K in keyof V]: string }, TData, TError, TVariables, TContext = unknown>(
  options: UseMutationFormOptions<V, TData, TError, TVariables, TContext>,
) {
  const { initial, fields, validate, mutation: mutationOptions, toInput, onSubmitStart, resetOnSuccess, onSuccess, invalidates = [], errorOverrides } = options;
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { values, errors, setErrors, setField, reset } = useFormFields(initial);
  const [message, setMessage] = useState<string | null>(null);
  const { ref, focusInvalid } = useFocusInvalid();

  const mutation = useMutation({
    ...mutationOptions,
    onSuccess: async (data: TData) => {
      if (resetOnSuccess) reset();
      onSuccess?.(data);
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (error: TError) => {
      const result = getFormErrors(error, t, { knownFields: fields, overrides: errorOverrides?.(error, t) });
      setErrors(pickFieldErrors(result.fields, fields));
      setMessage(result.message);
      focusInvalid();
    },
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    setMessage(null);
    onSubmitStart?.();
    const invalid = validate(values, t);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) {
      focusInvalid();
      return;
    }
    mutation.mutate(toInput(values));
  }

  return { ref, values, errors, setField, message, pending: mutation.isPending, handleSubmit };
}
