import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { can } from '@/server/backend/access/permissions';
import { requireUser } from '../../require-user';
import { WebhookDetailView } from './webhook-detail-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('webhooks.metaTitle') };
}

export default async function WebhookPage({ params }: { params: Promise<{ eventId: string }> }) {
  const [user, { eventId }] = await Promise.all([requireUser(), params]);
  return (
    <div className="mx-auto max-w-6xl">
      <WebhookDetailView eventId={eventId} canResend={can(actorOf(user), 'webhook.resend')} />
    </div>
  );
}
