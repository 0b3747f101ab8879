import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { getCompany } from '@/server/backend/companies/list-companies';
import { requireUser } from '../require-user';
import { UsersView } from './users-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('users.metaTitle') };
}

export default async function UsersPage() {
  const user = await requireUser();
  if (user.role !== 'PLATFORM_ADMIN' && user.role !== 'COMPANY_ADMIN') notFound();
  // A company admin is told whose users these are; the company is theirs by construction.
  const companyName = user.companyId ? (await getCompany({ actor: actorOf(user), companyId: user.companyId })).name : null;
  return <UsersView viewer={{ id: user.id, role: user.role }} companyName={companyName} />;
}
