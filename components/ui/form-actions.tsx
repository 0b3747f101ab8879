'use client';

import { useI18n } from '@/components/i18n/client';
import { Alert } from './alert';
import { Button } from './button';

/** The form's top-level error; the live region stays mounted so the message is announced when it appears. */
export function FormErrorAlert({ message }: { message: string | null }) {
  return <div role="alert">{message ? <Alert tone="error">{message}</Alert> : null}</div>;
}

export interface CreateFormActionsProps {
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
}

/** Cancel and submit for a form that creates something. */
export function CreateFormActions({ pending, submitLabel, pendingLabel, onCancel }: CreateFormActionsProps) {
  const { t } = useI18n();
  return (
    <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <Button variant="secondary" onClick={onCancel}>
        {t('ui.form.cancel')}
      </Button>
      <Button type="submit" aria-disabled={pending || undefined}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}

/** Save for a form that edits something, with a "saved" line announced once it has been. */
export function SaveFormActions({ pending, saved }: { pending: boolean; saved: boolean }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-end">
      <p role="status" className="text-sm text-green-800">
        {saved ? t('ui.form.saved') : null}
      </p>
      <Button type="submit" aria-disabled={pending || undefined}>
        {pending ? t('ui.form.saving') : t('ui.form.save')}
      </Button>
    </div>
  );
}
