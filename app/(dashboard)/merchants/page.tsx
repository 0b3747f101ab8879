import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getI18n } from '@/components/i18n/server';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '../require-user';
import { CreateMerchantDialog } from './create-merchant-dialog';
import { MerchantsTable } from './merchants-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('merchants.metaTitle') };
}

export default async function MerchantsPage() {
  const [user, { t }] = await Promise.all([requireUser(), getI18n()]);
  const platformAdmin = user.role === 'PLATFORM_ADMIN';
  const canCreate = platformAdmin || user.role === 'COMPANY_ADMIN';
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('merchants.title')}
        description={t('merchants.description')}
        actions={canCreate ? <CreateMerchantDialog chooseCompany={platformAdmin} /> : undefined}
      />
      {/* The table reads its state from the address (useSearchParams). */}
      <Suspense>
        <MerchantsTable showCompany={platformAdmin} />
      </Suspense>
    </div>
  );
}
