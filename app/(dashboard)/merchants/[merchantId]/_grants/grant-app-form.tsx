'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getFormErrors } from '@/components/ui/form-errors';
import { Select } from '@/components/ui/select';
import { useAnnounce } from '../../_form/announcer';

/** The most apps one directory page holds; a platform with more would need a search box here. */
const APP_PAGE_SIZE = 100;

/** Grants this merchant to a business app chosen from the active apps not granted yet. */
export function GrantAppForm({ merchantId, grantedAppIds }: { merchantId: string; grantedAppIds: readonly string[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [appId, setAppId] = useState('');
  const apps = useQuery(trpc.apps.list.queryOptions({ status: 'ACTIVE', sortBy: 'name', sortDir: 'asc', pageSize: APP_PAGE_SIZE }));
  const grant = useMutation(
    trpc.grants.grant.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId }) });
        const name = apps.data?.items.find((app) => app.id === appId)?.name ?? appId;
        announce(t('grants.grant.success', { name }));
        setAppId('');
      },
    }),
  );
  const errors = getFormErrors(grant.error, t, { knownFields: ['appId'] });
  const available = (apps.data?.items ?? []).filter((app) => app.status === 'ACTIVE' && !grantedAppIds.includes(app.id));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (grant.isPending || !appId) return;
    grant.mutate({ merchantId, appId });
  }

  if (apps.isPending) return <p className="text-sm text-slate-600">{t('grants.grant.loading')}</p>;
  if (apps.isError) {
    return (
      <Alert tone="error" role="alert">
        {getFormErrors(apps.error, t).message}
      </Alert>
    );
  }
  if (available.length === 0) return <p className="text-sm text-slate-600">{t('grants.grant.noneAvailable')}</p>;

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end" data-testid="grant-app-form">
      <Select
        className="min-w-0 sm:w-80"
        name="appId"
        label={t('grants.grant.app')}
        value={appId}
        onChange={(event) => setAppId(event.target.value)}
        options={[{ value: '', label: t('grants.grant.appPlaceholder') }, ...available.map((app) => ({ value: app.id, label: `${app.name} (${app.id})` }))]}
        error={errors.fields.appId}
      />
      <Button type="submit" disabled={!appId} aria-disabled={grant.isPending || undefined}>
        {grant.isPending ? t('grants.grant.submitting') : t('grants.grant.submit')}
      </Button>
      {errors.message && !errors.fields.appId ? (
        <Alert tone="error" role="alert" className="sm:self-center">
          {errors.message}
        </Alert>
      ) : null}
    </form>
  );
}
