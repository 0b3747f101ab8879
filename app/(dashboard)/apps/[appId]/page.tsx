import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { getApp } from '@/server/backend/apps/list-apps';
import { requireFound, requirePlatformAdmin } from '../../require-user';
import { AppDetail } from './app-detail';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('apps.detail.metaTitle') };
}

export default async function AppPage({ params }: { params: Promise<{ appId: string }> }) {
  const [user, { appId }] = await Promise.all([requirePlatformAdmin(), params]);
  await requireFound(getApp({ actor: actorOf(user), appId }));
  return <AppDetail appId={appId} />;
}
