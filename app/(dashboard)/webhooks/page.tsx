import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getI18n } from '@/components/i18n/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '../require-user';
import { WebhooksTable } from './webhooks-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('webhooks.metaTitle') };
}

export default async function WebhooksPage() {
  const [user, { t }] = await Promise.all([requireUser(), getI18n()]);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('webhooks.title')} description={user.role === 'PLATFORM_ADMIN' ? t('webhooks.descriptionPlatform') : t('webhooks.descriptionCompany')} />
      <Card className="relative overflow-hidden">
        <Suspense>
          <WebhooksTable />
        </Suspense>
      </Card>
    </div>
  );
}
