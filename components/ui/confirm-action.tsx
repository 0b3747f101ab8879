'use client';

import { useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Button, type ButtonProps } from './button';
import { ConfirmDialog } from './confirm-dialog';
import { errorMessage, type ErrorMessageOptions } from './form-errors';

export interface ConfirmActionProps {
  label: string;
  /** A fuller name for the button when its label alone is ambiguous (e.g. in a table row). */
  accessibleLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** If set, the reader must type exactly this (e.g. the item's name) before confirming. */
  confirmText?: string;
  /** Runs the action; the dialog closes when it resolves and shows why when it rejects. */
  action: () => Promise<unknown>;
  onDone?: () => void;
  /** Messages for app codes this action can explain better than the shared ones, e.g. a channel's refusal. */
  errorOverrides?: (error: unknown) => ErrorMessageOptions['overrides'];
  variant?: ButtonProps['variant'];
  className?: string;
  testId?: string;
}

/** A button that asks for confirmation before an action, and keeps the dialog open with the reason when the action fails. */
export function ConfirmAction({ label, accessibleLabel, title, description, confirmLabel, destructive, confirmText, action, onDone, errorOverrides, variant = 'secondary', className, testId }: ConfirmActionProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await action();
      setOpen(false);
      onDone?.();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button variant={variant} aria-label={accessibleLabel} className={className} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        destructive={destructive}
        confirmText={confirmText}
        pending={pending}
        error={error ? errorMessage(error, t, errorOverrides?.(error)) : null}
        onConfirm={confirm}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
      />
    </>
  );
}
