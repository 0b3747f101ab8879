'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CopyableValue } from '@/components/ui/copy-button';
import { DataTable, type Column } from '@/components/ui/data-table';
import type { MerchantDetail, MerchantGrant } from '../../merchant-types';
import { useAnnounce } from '../../_form/announcer';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { GrantAppForm } from './grant-app-form';

/** 应用授权: the business apps that may use this merchant, and granting or revoking them. */
export function AppGrants({ merchant, canManage }: { merchant: MerchantDetail; canManage: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const titleId = useId();
  const revoke = useMutation(trpc.grants.revoke.mutationOptions());

  const columns: Column<MerchantGrant>[] = [
    { id: 'name', header: t('grants.columns.name'), cell: (grant) => <span className="font-medium text-slate-900">{grant.app.name}</span> },
    { id: 'appId', header: t('grants.columns.appId'), cell: (grant) => <CopyableValue value={grant.app.id} label={`${grant.app.name} ${t('grants.columns.appId')}`} /> },
    { id: 'status', header: t('grants.columns.status'), cell: (grant) => <StatusBadge status={grant.app.status} /> },
    ...(canManage
      ? [
          {
            id: 'actions',
            header: <span className="sr-only">{t('grants.columns.actions')}</span>,
            cell: (grant: MerchantGrant) => (
              <ConfirmAction
                label={t('grants.revoke.action')}
                accessibleLabel={t('grants.revoke.actionLabel', { name: grant.app.name })}
                title={t('grants.revoke.title', { name: grant.app.name })}
                description={t('grants.revoke.body')}
                confirmLabel={t('grants.revoke.confirm')}
                destructive
                className="min-h-8 px-3 text-xs"
                action={async () => {
                  await revoke.mutateAsync({ merchantId: merchant.id, appId: grant.appId });
                  await queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId: merchant.id }) });
                }}
                onDone={() => announce(t('grants.revoke.success'))}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby={titleId} className="space-y-4" data-testid="app-grants">
      <div>
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {t('grants.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('grants.description')}</p>
      </div>
      {canManage ? <GrantAppForm merchantId={merchant.id} grantedAppIds={merchant.grants.map((grant) => grant.appId)} /> : null}
      {/* relative: clips the table's visually hidden texts, which would otherwise widen the page on phones. */}
      <Card className="relative overflow-hidden">
        <DataTable
          caption={t('grants.title')}
          columns={columns}
          rows={merchant.grants}
          rowKey={(grant) => grant.id}
          rowTestId={(grant) => grant.appId}
          emptyTitle={t('grants.empty')}
          emptyDescription={t('grants.description')}
        />
      </Card>
    </section>
  );
}
