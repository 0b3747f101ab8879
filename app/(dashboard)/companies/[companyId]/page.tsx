import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { getCompany } from '@/server/backend/companies/list-companies';
import { requireFound, requirePlatformAdmin } from '../../require-user';
import { CompanyDetail } from './company-detail';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('companies.detail.metaTitle') };
}

export default async function CompanyPage({ params }: { params: Promise<{ companyId: string }> }) {
  const [user, { companyId }] = await Promise.all([requirePlatformAdmin(), params]);
  await requireFound(getCompany({ actor: actorOf(user), companyId }));
  return <CompanyDetail companyId={companyId} viewer={{ id: user.id, role: user.role }} />;
}
