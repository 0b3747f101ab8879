import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { requirePlatformAdmin } from '../require-user';
import { AppsView } from './apps-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('apps.metaTitle') };
}

export default async function AppsPage() {
  await requirePlatformAdmin();
  return <AppsView />;
}
