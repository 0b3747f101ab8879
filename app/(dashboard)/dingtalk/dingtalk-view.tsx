'use client';

import { CreatableListPage } from '@/components/dashboard/creatable-list-page';
import { useI18n } from '@/components/i18n/client';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import type { Role } from '@/server/db/generated/client';
import { AddRobotForm } from './add-robot-form';
import { RobotsTable } from './robots-table';

/** The robots page: admins add and manage robots, auditors only see them. */
export function DingtalkView({ role }: { role: Role }) {
  const { t } = useI18n();
  const platform = role === 'PLATFORM_ADMIN';
  if (role === 'AUDITOR') {
    return (
      <div className="mx-auto max-w-6xl">
        <PageHeader title={t('dingtalk.title')} description={t('dingtalk.description')} />
        <Card className="overflow-hidden">
          <RobotsTable showCompany={false} canManage={false} />
        </Card>
      </div>
    );
  }
  return (
    <CreatableListPage
      title={t('dingtalk.title')}
      description={t('dingtalk.description')}
      createLabel={t('dingtalk.add')}
      createForm={(close) => <AddRobotForm pickCompany={platform} onCancel={close} />}
    >
      <RobotsTable showCompany={platform} canManage />
    </CreatableListPage>
  );
}
