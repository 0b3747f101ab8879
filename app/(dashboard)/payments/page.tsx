import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getI18n } from '@/components/i18n/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '../require-user';
import { PaymentsTable } from './payments-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('payments.metaTitle') };
}

export default async function PaymentsPage() {
  const [user, { t }] = await Promise.all([requireUser(), getI18n()]);
  const platformAdmin = user.role === 'PLATFORM_ADMIN';
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('payments.title')} description={platformAdmin ? t('payments.descriptionPlatform') : t('payments.descriptionCompany')} />
      {/* relative: clips the table's visually hidden caption, which would otherwise widen the page on phones. */}
      <Card className="relative overflow-hidden">
        {/* The table reads its state from the address (useSearchParams). */}
        <Suspense>
          <PaymentsTable showCompany={platformAdmin} />
        </Suspense>
      </Card>
    </div>
  );
}
