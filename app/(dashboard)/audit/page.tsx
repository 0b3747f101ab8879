import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server';
import { requireUser } from '../require-user';
import { AuditView } from './audit-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('audit.metaTitle') };
}

export default async function AuditPage() {
  const user = await requireUser();
  if (user.role === 'COMPANY_STAFF') notFound();
  return <AuditView companyWide={user.role !== 'PLATFORM_ADMIN'} />;
}
