import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { can } from '@/server/backend/access/permissions';
import { requireUser } from '../../../../../require-user';
import { receiverFilterOf } from './split-receiver-types';
import { SplitReceiversView } from './split-receivers-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('splits.receivers.metaTitle') };
}

export default async function SplitReceiversPage(props: { params: Promise<{ merchantId: string; paymentId: string }>; searchParams: Promise<{ status?: string | string[] }> }) {
  const [user, { merchantId, paymentId }, { status }] = await Promise.all([requireUser(), props.params, props.searchParams]);
  return (
    <div className="mx-auto max-w-5xl">
      <SplitReceiversView merchantId={merchantId} paymentId={paymentId} filter={receiverFilterOf(status)} canManage={can(actorOf(user), 'merchant.manage')} />
    </div>
  );
}
