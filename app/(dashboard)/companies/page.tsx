import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { requirePlatformAdmin } from '../require-user';
import { CompaniesView } from './companies-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('companies.metaTitle') };
}

export default async function CompaniesPage() {
  await requirePlatformAdmin();
  return <CompaniesView />;
}
