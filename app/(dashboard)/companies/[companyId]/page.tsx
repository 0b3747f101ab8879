import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { getCompany } from '@/server/backend/companies/list-companies';
import { AppError } from '@/server/errors/app-error';
import { requireUser } from '../../require-user';
import { CompanyDetail } from './company-detail';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('companies.detail.metaTitle') };
}

export default async function CompanyPage({ params }: { params: Promise<{ companyId: string }> }) {
  const [user, { companyId }] = await Promise.all([requireUser(), params]);
  if (user.role !== 'PLATFORM_ADMIN') notFound();
  try {
    await getCompany({ actor: actorOf(user), companyId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  return <CompanyDetail companyId={companyId} viewer={{ id: user.id, role: user.role }} />;
}
