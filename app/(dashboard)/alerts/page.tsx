import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { getI18n } from '@/components/i18n/server';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { focusRing } from '@/components/ui/focus-ring';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '../require-user';
import { AlertsTable } from './alerts-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('alerts.metaTitle') };
}

export default async function AlertsPage() {
  const [user, { t }] = await Promise.all([requireUser(), getI18n()]);
  const platformAdmin = user.role === 'PLATFORM_ADMIN';
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t('alerts.title')}
        description={platformAdmin ? t('alerts.descriptionPlatform') : t('alerts.descriptionCompany')}
        actions={
          platformAdmin ? (
            <Link href="/alerts/rules" className={cx('rounded text-sm font-medium text-brand-800 hover:underline', focusRing)}>
              {t('alerts.rules')}
            </Link>
          ) : undefined
        }
      />
      <Card className="relative overflow-hidden">
        <Suspense>
          <AlertsTable showCompany={platformAdmin} />
        </Suspense>
      </Card>
    </div>
  );
}
