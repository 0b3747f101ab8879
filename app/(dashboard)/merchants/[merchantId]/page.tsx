import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { requireUser } from '../../require-user';
import { MerchantDetailView } from './merchant-detail-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('merchants.metaTitle') };
}

export default async function MerchantPage({ params }: { params: Promise<{ merchantId: string }> }) {
  const [user, { merchantId }] = await Promise.all([requireUser(), params]);
  const canManage = user.role === 'PLATFORM_ADMIN' || user.role === 'COMPANY_ADMIN';
  return (
    <div className="mx-auto max-w-5xl">
      <MerchantDetailView merchantId={merchantId} canManage={canManage} showCompany={user.role === 'PLATFORM_ADMIN'} />
    </div>
  );
}
