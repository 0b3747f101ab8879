'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/components/ui/form-errors';
import { Textarea } from '@/components/ui/textarea';

/** The note a resolution needs: what was checked and what was done. */
export function ResolveForm({ discrepancyId, onCancel, onResolved }: { discrepancyId: string; onCancel: () => void; onResolved: () => Promise<void> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const resolve = useMutation(trpc.reconciliation.resolve.mutationOptions());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) {
      setError(t('reconciliation.line.noteRequired'));
      return;
    }
    setError(null);
    try {
      await resolve.mutateAsync({ discrepancyId, note });
      await onResolved();
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }

  return (
    <form onSubmit={submit} className="mt-3 space-y-3" noValidate data-testid="resolve-form">
      <Textarea label={t('reconciliation.line.noteLabel')} hint={t('reconciliation.line.noteHint')} error={error} value={note} onChange={(event) => setNote(event.target.value)} rows={3} maxLength={1000} autoFocus />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" aria-disabled={resolve.isPending || undefined}>
          {resolve.isPending ? t('reconciliation.line.resolving') : t('reconciliation.line.submitResolve')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('reconciliation.line.cancel')}
        </Button>
      </div>
    </form>
  );
}
