'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { StatusBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { errorMessage } from '@/components/ui/form-errors';
import { SecretReveal } from '@/components/ui/secret-reveal';
import type { RouterOutputs } from '../../router-outputs';

type App = RouterOutputs['apps']['get'];
type Secret = App['secrets'][number];

/** Must match MAX_ACTIVE_SECRETS on the server; the server refuses a third either way. */
const MAX_ACTIVE = 2;

export function AppSecrets({ app }: { app: App }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rotating, setRotating] = useState(false);
  const [revoking, setRevoking] = useState<Secret | null>(null);
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const limitId = useId();
  const active = app.secrets.filter((secret) => !secret.revokedAt).length;
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.apps.pathKey() });

  const rotate = useMutation(
    trpc.apps.rotateSecret.mutationOptions({
      onSuccess: async ({ secret }) => {
        setRotating(false);
        setNotice(null);
        setNewSecret(secret);
        await invalidate();
      },
    }),
  );
  const revoke = useMutation(
    trpc.apps.revokeSecret.mutationOptions({
      onSuccess: async (_result, { secretId }) => {
        const hint = app.secrets.find((secret) => secret.id === secretId)?.hint ?? '';
        setRevoking(null);
        setNotice(t('apps.secrets.revoked', { hint }));
        await invalidate();
      },
    }),
  );

  const columns: Column<Secret>[] = [
    { id: 'hint', header: t('apps.secrets.columns.hint'), cell: (secret) => <code className="font-mono text-xs">{secret.hint}…</code> },
    { id: 'status', header: t('apps.secrets.columns.status'), cell: (secret) => <StatusBadge status={secret.revokedAt ? 'REVOKED' : 'ACTIVE'} /> },
    { id: 'createdAt', header: t('apps.secrets.columns.createdAt'), cell: (secret) => <DateTime value={secret.createdAt} /> },
    { id: 'revokedAt', header: t('apps.secrets.columns.revokedAt'), cell: (secret) => <DateTime value={secret.revokedAt} /> },
    {
      id: 'actions',
      header: <span className="sr-only">{t('apps.secrets.columns.actions')}</span>,
      // The last active secret cannot be revoked; offering the button would only lead to an error.
      cell: (secret) =>
        !secret.revokedAt && active > 1 ? (
          <Button
            variant="secondary"
            className="min-h-8 px-3 text-xs text-red-700!"
            aria-label={t('apps.secrets.revokeLabel', { hint: secret.hint })}
            onClick={() => {
              revoke.reset();
              setRevoking(secret);
            }}
          >
            {t('apps.secrets.revoke')}
          </Button>
        ) : null,
    },
  ];

  return (
    <section aria-labelledby="app-secrets-title" className="mb-8">
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="app-secrets-title" className="text-lg font-semibold text-slate-900">
            {t('apps.secrets.title')}
          </h2>
          <p className="max-w-prose text-sm text-slate-600">{t('apps.secrets.description')}</p>
        </div>
        <Button
          disabled={active >= MAX_ACTIVE}
          aria-describedby={active >= MAX_ACTIVE ? limitId : undefined}
          onClick={() => {
            rotate.reset();
            setRotating(true);
          }}
        >
          {t('apps.secrets.rotate')}
        </Button>
      </div>
      {active >= MAX_ACTIVE ? (
        <p id={limitId} className="mb-4 text-sm text-slate-700">
          {t('apps.secrets.rotateLimit')}
        </p>
      ) : null}
      {newSecret ? (
        <SecretReveal
          className="mb-4"
          title={t('apps.secrets.rotated')}
          description={t('apps.secrets.rotatedDescription')}
          values={[{ label: t('apps.secrets.newSecret'), value: newSecret, testId: 'rotated-secret' }]}
          onDone={() => setNewSecret(null)}
        />
      ) : null}
      <div role="status">{notice ? <Alert tone="info" className="mb-4">{notice}</Alert> : null}</div>
      <Card className="overflow-hidden">
        <DataTable caption={t('apps.secrets.caption')} columns={columns} rows={app.secrets} rowKey={(secret) => secret.id} rowTestId={(secret) => secret.hint} />
      </Card>
      <ConfirmDialog
        open={rotating}
        title={t('apps.secrets.rotateTitle', { name: app.name })}
        description={t('apps.secrets.rotateDescription')}
        confirmLabel={t('apps.secrets.rotateConfirm')}
        pending={rotate.isPending}
        error={rotate.error ? errorMessage(rotate.error, t, { CONFLICT: t('apps.secrets.rotateLimit') }) : null}
        onConfirm={() => rotate.mutate({ appId: app.id })}
        onCancel={() => setRotating(false)}
      />
      <ConfirmDialog
        open={!!revoking}
        title={t('apps.secrets.revokeTitle', { hint: revoking?.hint ?? '' })}
        description={t('apps.secrets.revokeDescription')}
        confirmLabel={t('apps.secrets.revokeConfirm')}
        destructive
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error, t, { CONFLICT: t('apps.secrets.revokeLast') }) : null}
        onConfirm={() => revoking && revoke.mutate({ appId: app.id, secretId: revoking.id })}
        onCancel={() => setRevoking(null)}
      />
    </section>
  );
}
