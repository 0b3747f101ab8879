import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { can } from '@/server/backend/access/permissions';
import { RESOLUTION_NOTE_MAX_LENGTH } from '@/server/backend/alerts/resolve-alert';
import { requireUser } from '../../require-user';
import { AlertDetailView } from './alert-detail-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('alerts.metaTitle') };
}

export default async function AlertPage({ params }: { params: Promise<{ alertId: string }> }) {
  const [user, { alertId }] = await Promise.all([requireUser(), params]);
  return (
    <div className="mx-auto max-w-6xl">
      <AlertDetailView alertId={alertId} canHandle={can(actorOf(user), 'alert.handle')} noteMaxLength={RESOLUTION_NOTE_MAX_LENGTH} />
    </div>
  );
}
