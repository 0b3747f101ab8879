import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server';
import { requireUser } from '../require-user';
import { DingtalkView } from './dingtalk-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dingtalk.metaTitle') };
}

export default async function DingtalkPage() {
  const user = await requireUser();
  if (user.role === 'COMPANY_STAFF') notFound();
  return <DingtalkView role={user.role} />;
}
