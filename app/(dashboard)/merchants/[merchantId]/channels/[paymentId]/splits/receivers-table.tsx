'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Badge } from '@/components/ui/badge';
import { ConfirmAction } from '@/components/ui/confirm-action';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { splitErrorOverrides } from '../../../../../split-errors';
import { relationLabel, type ReceiverFilter, type ReceiverRow } from './split-receiver-types';

function RemoveReceiver({ receiver, onRemoved }: { receiver: ReceiverRow; onRemoved: (account: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.splitReceivers.remove.mutationOptions());
  const account = receiver.account;
  return (
    <ConfirmAction
      label={t('splits.receivers.remove.label')}
      accessibleLabel={t('splits.receivers.remove.accessible', { account })}
      title={t('splits.receivers.remove.title', { account })}
      description={t('splits.receivers.remove.description')}
      confirmLabel={t('splits.receivers.remove.confirm')}
      destructive
      action={async () => {
        await remove.mutateAsync({ receiverId: receiver.id });
        await queryClient.invalidateQueries({ queryKey: trpc.splitReceivers.pathKey() });
      }}
      onDone={() => onRemoved(account)}
      errorOverrides={(error) => splitErrorOverrides(error, t)}
      testId={`remove-receiver-${receiver.id}`}
    />
  );
}

/** The channel's receivers under the chosen status; on phones the table scrolls inside its card. */
export function ReceiversTable(props: { receivers: readonly ReceiverRow[]; filter: ReceiverFilter; canManage: boolean; onRemoved: (account: string) => void }) {
  const { t } = useI18n();
  const rows = props.filter === 'ALL' ? props.receivers : props.receivers.filter((receiver) => receiver.status === props.filter);
  const columns: Column<ReceiverRow>[] = [
    {
      id: 'account',
      header: t('splits.receivers.columns.account'),
      cell: (receiver) => (
        <div>
          <code className="font-mono text-xs break-all text-slate-900">{receiver.account}</code>
          <p className="text-xs text-slate-600">{t(`splits.receivers.accountTypes.${receiver.accountType}`)}</p>
          <p className="font-mono text-xs text-slate-500">{receiver.id}</p>
        </div>
      ),
    },
    { id: 'name', header: t('splits.receivers.columns.name'), cell: (receiver) => (receiver.hasName ? t('splits.receivers.name.recorded') : t('splits.receivers.name.none')) },
    {
      id: 'relation',
      header: t('splits.receivers.columns.relation'),
      cell: (receiver) => relationLabel(receiver, t),
    },
    {
      id: 'status',
      header: t('splits.receivers.columns.status'),
      cell: (receiver) => <Badge tone={receiver.status === 'ACTIVE' ? 'green' : 'slate'}>{t(`splits.receivers.status.${receiver.status}`)}</Badge>,
    },
    { id: 'boundAt', header: t('splits.receivers.columns.boundAt'), cell: (receiver) => <DateTime value={receiver.boundAt} className="whitespace-nowrap" /> },
    ...(props.canManage
      ? [
          {
            id: 'actions',
            header: t('splits.receivers.columns.actions'),
            className: 'text-right',
            cell: (receiver: ReceiverRow) => (receiver.status === 'ACTIVE' ? <RemoveReceiver receiver={receiver} onRemoved={props.onRemoved} /> : null),
          },
        ]
      : []),
  ];
  return (
    <DataTable
      caption={t('splits.receivers.caption')}
      columns={columns}
      rows={rows}
      rowKey={(receiver) => receiver.id}
      rowTestId={(receiver) => receiver.id}
      emptyTitle={t('splits.receivers.empty.title')}
      emptyDescription={t('splits.receivers.empty.description')}
    />
  );
}
