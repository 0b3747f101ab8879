'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { DataTable, type Column } from '@/components/ui/data-table';
import type { ChannelView, TrustedEntry } from '../../merchant-types';
import { formatDate } from '../../format-date';
import { useAnnounce } from '../../_form/announcer';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { usePanel } from '../../_form/use-panel';
import { AddCertificateForm } from './add-certificate-form';
import { certificateStatus, certificateStatusTone } from './certificate-status';

/** 证书白名单: the certificates and keys this channel's callbacks and responses are verified with. */
export function CertificateWhitelist({ channel, canManage }: { channel: ChannelView; canManage: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const titleId = useId();
  const { open: adding, openerRef, panelRef, show, hide } = usePanel();
  const revoke = useMutation(trpc.channels.revokeCertificate.mutationOptions());

  // Entries out of use are greyed and struck through, so the valid ones stand out.
  const faded = (entry: TrustedEntry) => certificateStatus(entry) === 'revoked' || certificateStatus(entry) === 'expired';
  const columns: Column<TrustedEntry>[] = [
    { id: 'kind', header: t('certificates.columns.kind'), cell: (entry) => t(`certificates.kinds.${entry.kind}`) },
    {
      id: 'serial',
      header: t('certificates.columns.serial'),
      cell: (entry) => <span className={cx('block w-44 font-mono text-xs break-all', faded(entry) && 'text-slate-400 line-through')}>{entry.serial}</span>,
    },
    {
      id: 'subject',
      header: t('certificates.columns.subject'),
      cell: (entry) => <span className="block w-56 text-xs break-words whitespace-normal">{entry.subject ?? '—'}</span>,
    },
    { id: 'validFrom', header: t('certificates.columns.validFrom'), cell: (entry) => (entry.validFrom ? formatDate(entry.validFrom, locale) : '—') },
    {
      id: 'validTo',
      header: t('certificates.columns.validTo'),
      cell: (entry) => (entry.validTo ? formatDate(entry.validTo, locale) : t('certificates.noExpiry')),
    },
    { id: 'source', header: t('certificates.columns.source'), cell: (entry) => t(`certificates.sources.${entry.source}`) },
    {
      id: 'status',
      header: t('certificates.columns.status'),
      cell: (entry) => {
        const status = certificateStatus(entry);
        return <Badge tone={certificateStatusTone[status]}>{t(`certificates.status.${status}`)}</Badge>;
      },
    },
    ...(canManage
      ? [
          {
            id: 'actions',
            header: <span className="sr-only">{t('certificates.columns.actions')}</span>,
            cell: (entry: TrustedEntry) =>
              entry.revokedAt ? null : (
                <ConfirmAction
                  label={t('certificates.revoke.action')}
                  accessibleLabel={t('certificates.revoke.actionLabel', { serial: entry.serial })}
                  title={t('certificates.revoke.title')}
                  description={t('certificates.revoke.body', { serial: entry.serial })}
                  confirmLabel={t('certificates.revoke.confirm')}
                  destructive
                  className="min-h-8 px-3 text-xs"
                  action={async () => {
                    await revoke.mutateAsync({ certificateId: entry.id });
                    await queryClient.invalidateQueries({ queryKey: trpc.merchants.get.queryKey({ merchantId: channel.merchantId }) });
                  }}
                  onDone={() => announce(t('certificates.revoke.success'))}
                />
              ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby={titleId} data-testid="certificate-whitelist">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h4 id={titleId} className="text-sm font-semibold text-slate-900">
            {t('certificates.title')}
          </h4>
          <p className="mt-0.5 text-xs text-slate-600">{t('certificates.description')}</p>
        </div>
        {canManage && !adding ? (
          <Button ref={openerRef} variant="secondary" className="min-h-8 px-3 text-xs" onClick={show}>
            {t('certificates.add.open')}
          </Button>
        ) : null}
      </div>
      {adding ? (
        <div ref={panelRef} className="mt-3">
          <AddCertificateForm channel={channel} onDone={() => hide()} />
        </div>
      ) : null}
      {/* relative: the table's visually hidden texts are absolutely positioned and must be clipped here, not widen the page. */}
      <div className="relative mt-3 overflow-hidden rounded-lg border border-slate-200">
        <DataTable
          caption={t('certificates.tableLabel', { channel: t(`channels.names.${channel.channel}`), paymentId: channel.paymentId })}
          columns={columns}
          rows={channel.trusted}
          rowKey={(entry) => entry.id}
          rowTestId={(entry) => entry.serial}
          emptyTitle={t('certificates.title')}
          emptyDescription={t('certificates.empty')}
        />
      </div>
    </section>
  );
}
