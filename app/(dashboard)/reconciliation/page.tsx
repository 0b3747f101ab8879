import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { requireUser } from '../require-user';
import { ReconciliationView } from './reconciliation-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('reconciliation.metaTitle') };
}

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  const [user, { to }] = await Promise.all([requireUser(), searchParams]);
  const day = typeof to === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : null;
  return <ReconciliationView to={day} showCompany={user.role === 'PLATFORM_ADMIN'} />;
}
