import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { can } from '@/server/backend/access/permissions';
import { requireUser } from '../../../require-user';
import { DayView } from './day-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('reconciliation.day.metaTitle') };
}

export default async function ReconciliationDayPage({ params }: { params: Promise<{ paymentChannelId: string; date: string }> }) {
  const [user, { paymentChannelId, date }] = await Promise.all([requireUser(), params]);
  return (
    <div className="mx-auto max-w-6xl">
      <DayView paymentChannelId={decodeURIComponent(paymentChannelId)} date={date} canManage={can(actorOf(user), 'reconciliation.manage')} />
    </div>
  );
}
