import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server';
import { requireUser } from '../require-user';
import { CompaniesView } from './companies-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('companies.metaTitle') };
}

export default async function CompaniesPage() {
  const user = await requireUser();
  if (user.role !== 'PLATFORM_ADMIN') notFound();
  return <CompaniesView />;
}
