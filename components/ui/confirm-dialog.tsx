'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Alert } from './alert';
import { Button } from './button';
import { cx } from './cx';
import { Input } from './input';
import { Modal } from './modal';

/** Red styling for a destructive button (on top of Button's primary variant). */
export const destructiveClass = 'bg-red-700! text-white! hover:bg-red-800!';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen and what will not, in plain words. */
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Red confirm button. */
  destructive?: boolean;
  /** If set, the reader must type exactly this (e.g. the company's name) before confirming. */
  confirmText?: string;
  /** While the action runs: the confirm button shows progress and the dialog cannot be dismissed. */
  pending?: boolean;
  /** Why the action failed; shown in the dialog, which stays open. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Modal
      open={props.open}
      onClose={() => {
        if (!props.pending) props.onCancel();
      }}
      title={props.title}
      description={props.description}
      role="alertdialog"
      testId={props.testId}
    >
      {/* Modal mounts its content only while open, so typed confirmation text never carries over. */}
      <ConfirmBody {...props} />
    </Modal>
  );
}

function ConfirmBody({ confirmLabel, cancelLabel, destructive, confirmText, pending, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (confirmText !== undefined && typed.trim() !== confirmText) {
      setMismatch(true);
      return;
    }
    onConfirm();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="mt-4 space-y-4">
      {confirmText !== undefined ? (
        <Input
          label={t('ui.confirm.typeToConfirm', { text: confirmText })}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setMismatch(false);
          }}
          autoComplete="off"
          spellCheck={false}
          error={mismatch ? t('ui.confirm.typeMismatch', { text: confirmText }) : null}
        />
      ) : null}
      {error ? (
        <Alert tone="error" role="alert">
          {error}
        </Alert>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {/* First in the DOM, so opening focuses Cancel (or the confirmation field): Enter never confirms by accident. */}
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {cancelLabel ?? t('ui.confirm.cancel')}
        </Button>
        <Button
          type="submit"
          aria-disabled={pending || undefined}
          className={cx(destructive && destructiveClass)}
          data-testid="confirm-dialog-confirm"
        >
          {pending ? t('ui.confirm.working') : confirmLabel}
        </Button>
      </div>
    </form>
  );
}
