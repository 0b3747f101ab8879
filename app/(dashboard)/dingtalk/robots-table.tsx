'use client';

import { useQuery } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { StatusBadge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DateTime } from '@/components/ui/date-time';
import { RobotActions } from './robot-actions';
import type { RobotRow } from './robot-row';

export function RobotsTable({ showCompany, canManage }: { showCompany: boolean; canManage: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const robots = useQuery(trpc.dingtalkRobots.list.queryOptions({}));
  const columns: Column<RobotRow>[] = [
    { id: 'name', header: t('dingtalk.columns.name'), cell: (robot) => <span className="font-medium text-slate-900">{robot.name}</span> },
    ...(showCompany ? [{ id: 'company', header: t('dingtalk.columns.company'), cell: (robot: RobotRow) => robot.companyName }] : []),
    { id: 'url', header: t('dingtalk.columns.webhookUrl'), cell: (robot) => <code className="text-xs break-all">{robot.webhookUrl}</code> },
    { id: 'secret', header: t('dingtalk.columns.secret'), cell: (robot) => <code className="text-xs">SEC{robot.secretHint}</code> },
    { id: 'status', header: t('dingtalk.columns.status'), cell: (robot) => <StatusBadge status={robot.enabled ? 'ENABLED' : 'DISABLED'} /> },
    { id: 'createdAt', header: t('dingtalk.columns.createdAt'), cell: (robot) => <DateTime value={robot.createdAt} /> },
    ...(canManage ? [{ id: 'actions', header: t('dingtalk.columns.actions'), className: 'text-right', cell: (robot: RobotRow) => <RobotActions robot={robot} /> }] : []),
  ];
  return (
    <DataTable
      caption={t('dingtalk.caption')}
      columns={columns}
      rows={robots.data}
      rowKey={(robot) => robot.id}
      loading={robots.isFetching}
      error={robots.error}
      onRetry={() => void robots.refetch()}
      emptyTitle={t('dingtalk.empty.title')}
      emptyDescription={t('dingtalk.empty.description')}
    />
  );
}
