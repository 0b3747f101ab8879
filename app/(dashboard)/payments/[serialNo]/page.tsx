import type { Metadata } from 'next';
import { getI18n } from '@/components/i18n/server';
import { actorOf } from '@/server/api/actor';
import { can } from '@/server/backend/access/permissions';
import { requireUser } from '../../require-user';
import { PaymentDetailView } from './payment-detail-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('payments.metaTitle') };
}

export default async function PaymentPage({ params }: { params: Promise<{ serialNo: string }> }) {
  const [user, { serialNo }] = await Promise.all([requireUser(), params]);
  const actor = actorOf(user);
  return (
    <div className="mx-auto max-w-6xl">
      <PaymentDetailView serialNo={serialNo} canRefund={can(actor, 'payment.refund')} canFinishSplits={can(actor, 'payment.finishSplits')} showCompany={user.role === 'PLATFORM_ADMIN'} />
    </div>
  );
}
