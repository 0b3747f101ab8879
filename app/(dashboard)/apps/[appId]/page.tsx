import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { getApp } from '@/server/backend/apps/list-apps';
import { AppError } from '@/server/errors/app-error';
import { requireUser } from '../../require-user';
import { AppDetail } from './app-detail';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('apps.detail.metaTitle') };
}

export default async function AppPage({ params }: { params: Promise<{ appId: string }> }) {
  const [user, { appId }] = await Promise.all([requireUser(), params]);
  if (user.role !== 'PLATFORM_ADMIN') notFound();
  try {
    await getApp({ actor: actorOf(user), appId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  return <AppDetail appId={appId} />;
}
