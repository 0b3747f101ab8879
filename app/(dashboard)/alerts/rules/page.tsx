import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server';
import { requireUser } from '../../require-user';
import { AlertRulesView } from './alert-rules-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('alertRules.metaTitle') };
}

/** The alert rules are the platform's: platform admins only. */
export default async function AlertRulesPage() {
  const user = await requireUser();
  if (user.role !== 'PLATFORM_ADMIN') notFound();
  return <AlertRulesView />;
}
