'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { FormErrorAlert } from '@/components/ui/form-actions';
import { errorMessage, getFormErrors } from '@/components/ui/form-errors';
import { Modal } from '@/components/ui/modal';
import { Textarea } from '@/components/ui/textarea';
import type { AlertStatus } from '../alert-types';

interface AlertActionsProps {
  alertId: string;
  status: AlertStatus;
  /** The server's bound on a resolution note's length. */
  noteMaxLength: number;
  /** Told the outcome, for the page's status line. */
  onDone: (notice: string) => void;
}

/** After a change: the alert, the list, and the menu's open count (rendered by the layout on the server). */
function useRefreshAlerts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
    router.refresh();
  };
}

/** "确认" for an open alert, "解决" (with a note) for an open or acknowledged one. */
export function AlertActions({ alertId, status, noteMaxLength, onDone }: AlertActionsProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshAlerts();
  const [resolving, setResolving] = useState(false);
  const acknowledge = useMutation(
    trpc.alerts.acknowledge.mutationOptions({
      onSuccess: async () => {
        onDone(t('alerts.actions.acknowledged'));
        await refresh();
      },
      onError: (error) => onDone(errorMessage(error, t, { CONFLICT: t('alerts.actions.alreadyResolved') })),
    }),
  );
  if (status === 'RESOLVED') return null;
  return (
    <div className="flex flex-wrap gap-2">
      {status === 'OPEN' ? (
        <Button variant="secondary" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate({ alertId })}>
          {acknowledge.isPending ? t('alerts.actions.acknowledging') : t('alerts.actions.acknowledge')}
        </Button>
      ) : null}
      <Button onClick={() => setResolving(true)}>{t('alerts.actions.resolve')}</Button>
      <Modal open={resolving} onClose={() => setResolving(false)} title={t('alerts.actions.resolveTitle')} description={t('alerts.actions.resolveDescription')} testId="resolve-dialog">
        <ResolveForm alertId={alertId} noteMaxLength={noteMaxLength} onCancel={() => setResolving(false)} onDone={(notice) => {
          setResolving(false);
          onDone(notice);
        }} />
      </Modal>
    </div>
  );
}

function ResolveForm({ alertId, noteMaxLength, onCancel, onDone }: { alertId: string; noteMaxLength: number; onCancel: () => void; onDone: (notice: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshAlerts();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const resolve = useMutation(
    trpc.alerts.resolve.mutationOptions({
      onSuccess: async () => {
        onDone(t('alerts.actions.resolved'));
        await refresh();
      },
    }),
  );
  const errors = getFormErrors(resolve.error, t, { knownFields: ['note'], overrides: { CONFLICT: t('alerts.actions.alreadyResolved') } });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (resolve.isPending) return;
    const trimmed = note.trim();
    setNoteError(trimmed ? null : t('alerts.actions.noteRequired'));
    if (trimmed) resolve.mutate({ alertId, note: trimmed });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="mt-4 space-y-4">
      <Textarea
        label={t('alerts.actions.note')}
        hint={t('alerts.actions.noteHint', { max: String(noteMaxLength) })}
        rows={4}
        maxLength={noteMaxLength}
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          setNoteError(null);
        }}
        error={noteError ?? errors.fields.note}
      />
      <FormErrorAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={resolve.isPending}>
          {t('alerts.actions.cancel')}
        </Button>
        <Button type="submit" aria-disabled={resolve.isPending || undefined}>
          {resolve.isPending ? t('alerts.actions.resolving') : t('alerts.actions.resolve')}
        </Button>
      </div>
    </form>
  );
}
