'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { DetailUnavailable } from '@/components/dashboard/detail-page';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { StatusBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopyableValue } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { Announcer, useAnnounce } from '../../../../_form/announcer';
import { usePanel } from '../../../../_form/use-panel';
import { ReceiversTable } from './receivers-table';
import { RegisterReceiverForm } from './register-receiver-form';
import { SplitSettingsForm } from './split-settings-form';
import { bpsToPercent } from './split-ratio';
import { RECEIVER_FILTERS, type ReceiverFilter, type SplitReceiversData } from './split-receiver-types';

export interface SplitReceiversViewProps {
  merchantId: string;
  paymentId: string;
  /** The status filter of the URL (`?status=`). */
  filter: ReceiverFilter;
  /** Company and platform admins; the server checks again. */
  canManage: boolean;
}

/** One payment channel's splitting: its settings, its receivers, and (for admins) binding and unbinding them. */
export function SplitReceiversView(props: SplitReceiversViewProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.splitReceivers.list.queryOptions({ paymentId: props.paymentId }));
  const back = { href: `/merchants/${props.merchantId}`, label: t('splits.receivers.back') };
  if (!query.data) return <DetailUnavailable title={t('splits.receivers.title')} back={back} error={query.error} />;
  return (
    <Announcer>
      <PageHeader back={back} title={t('splits.receivers.title')} description={t('splits.receivers.description')} />
      <SplitReceiversBody {...props} data={query.data} />
    </Announcer>
  );
}

function SplitReceiversBody({ data, filter, canManage }: SplitReceiversViewProps & { data: SplitReceiversData }) {
  const { t } = useI18n();
  const router = useRouter();
  const announce = useAnnounce();
  const receiversTitle = useId();
  const { open: registering, openerRef, panelRef, show, hide } = usePanel();
  const { channel } = data;
  const name = t(`channels.names.${channel.channel}`);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <span className="font-semibold text-slate-900">{name}</span>
        <StatusBadge status={channel.mode} />
        <StatusBadge status={channel.status} />
        <span className="text-slate-600">{t('splits.receivers.paymentId')}</span>
        <CopyableValue value={channel.paymentId} label={`${name} ${t('splits.receivers.paymentId')}`} testId="split-payment-id" />
      </div>
      {canManage ? null : (
        <Alert tone="info" role="note">
          {t('splits.receivers.readOnly')}
        </Alert>
      )}

      <section aria-labelledby="split-settings-title">
        <h2 id="split-settings-title" className="mb-3 text-lg font-semibold text-slate-900">
          {t('splits.receivers.settings.title')}
        </h2>
        <Card className="p-4 sm:p-6">
          {canManage ? (
            <SplitSettingsForm key={`${channel.splitEnabled}-${channel.maxSplitRatioBps}`} channel={channel} onSaved={announce} />
          ) : (
            <p className="text-sm text-slate-900" data-testid="split-settings-summary">
              {channel.splitEnabled ? t('splits.channel.enabled', { ratio: `${bpsToPercent(channel.maxSplitRatioBps)}%` }) : t('splits.channel.disabled')}
            </p>
          )}
        </Card>
      </section>

      <section aria-labelledby={receiversTitle} className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <h2 id={receiversTitle} className="text-lg font-semibold text-slate-900">
            {t('splits.receivers.title')}
          </h2>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Select
              className="sm:w-40"
              label={t('splits.receivers.filter.label')}
              value={filter}
              onChange={(event) => router.replace(`?status=${event.target.value}`, { scroll: false })}
              options={RECEIVER_FILTERS.map((value) => ({ value, label: t(`splits.receivers.filter.${value}`) }))}
              data-testid="receiver-status-filter"
            />
            {canManage && !registering ? (
              <Button ref={openerRef} onClick={show} disabled={!channel.splitEnabled} data-testid="open-register-receiver">
                {t('splits.receivers.register.open')}
              </Button>
            ) : null}
          </div>
        </div>
        {canManage && !channel.splitEnabled ? (
          <Alert tone="info" role="note">
            {t('splits.receivers.register.needsEnabled')}
          </Alert>
        ) : null}
        {registering ? (
          <Card ref={panelRef} className="p-4 sm:p-6">
            <h3 className="text-base font-semibold text-slate-900">{t('splits.receivers.register.title')}</h3>
            <p className="mt-1 mb-4 max-w-prose text-sm text-slate-600">{t('splits.receivers.register.description')}</p>
            <RegisterReceiverForm
              channel={channel}
              onCancel={() => hide()}
              onRegistered={(account) => {
                hide();
                announce(t('splits.receivers.register.done', { account }));
              }}
            />
          </Card>
        ) : null}
        <Card className="relative overflow-hidden">
          <ReceiversTable receivers={data.receivers} filter={filter} canManage={canManage} onRemoved={(account) => announce(t('splits.receivers.remove.done', { account }))} />
        </Card>
      </section>
    </div>
  );
}
