'use client';

import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmAction } from '@/components/ui/confirm-action';

export interface StatusToggleActionProps<TData, TError, TVariables, TContext> {
  /** The item's name, which must be typed to confirm turning it off. */
  name: string;
  /** True when the item is active, so the action turns it off (red, confirmed by typing the name). */
  turningOff: boolean;
  /** The button's and the confirm button's label for this direction, e.g. "Disable". */
  label: string;
  title: string;
  description: string;
  /** Usually `trpc.x.setStatus.mutationOptions()`. */
  mutation: UseMutationOptions<TData, TError, TVariables, TContext>;
  variables: TVariables;
  /** What to announce once the server has answered with the new status. */
  notice: (updated: TData) => string;
  invalidates: readonly QueryKey[];
}

/** Switches an item between active and not, behind a confirmation dialog. */
export function StatusToggleAction<TData, TError, TVariables, TContext>(props: StatusToggleActionProps<TData, TError, TVariables, TContext>) {
  const { name, turningOff, label, title, description, mutation, variables, notice: noticeOf, invalidates } = props;
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const setStatus = useMutation(mutation);

  return (
    <>
      <ConfirmAction
        label={label}
        title={title}
        description={description}
        confirmLabel={label}
        destructive={turningOff}
        confirmText={turningOff ? name : undefined}
        className={turningOff ? 'text-red-700!' : undefined}
        action={async () => {
          setNotice(null);
          const updated = await setStatus.mutateAsync(variables);
          setNotice(noticeOf(updated));
          await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        }}
      />
      {/* The badge and the notice below the header show the change; this line announces it. */}
      <p role="status" className="sr-only">
        {notice}
      </p>
    </>
  );
}
