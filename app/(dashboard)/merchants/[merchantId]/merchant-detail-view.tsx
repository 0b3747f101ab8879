'use client';

import { useQuery } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { readError } from '@/components/ui/form-errors';
import { PageHeader } from '@/components/ui/page-header';
import { Announcer } from '../_form/announcer';
import { AppGrants } from './_grants/app-grants';
import { ChannelsSection } from './channels-section';
import { MerchantHeader } from './merchant-header';

export interface MerchantDetailViewProps {
  merchantId: string;
  /** PLATFORM_ADMIN and COMPANY_ADMIN; staff and auditors get a read-only page. */
  canManage: boolean;
  /** Only platform admins see merchants of more than one company. */
  showCompany: boolean;
}

export function MerchantDetailView({ merchantId, canManage, showCompany }: MerchantDetailViewProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.merchants.get.queryOptions({ merchantId }));
  const back = { href: '/merchants', label: t('merchants.detail.back') };

  if (query.isPending) {
    return (
      <div aria-busy="true">
        <PageHeader back={back} title={<span className="block h-8 w-48 animate-pulse rounded bg-slate-200" />} />
        <p className="text-sm text-slate-600">{t('merchants.detail.loading')}</p>
      </div>
    );
  }
  if (query.isError) {
    const notFound = readError(query.error).appCode === 'NOT_FOUND';
    return (
      <div>
        <PageHeader back={back} title={t('merchants.title')} />
        <Alert tone="error" role="alert">
          <p>{notFound ? t('merchants.detail.notFound') : t('merchants.detail.loadError')}</p>
          {notFound ? null : (
            <Button variant="secondary" className="mt-3" onClick={() => query.refetch()}>
              {t('merchants.detail.retry')}
            </Button>
          )}
        </Alert>
      </div>
    );
  }

  const merchant = query.data;
  return (
    <Announcer>
      <MerchantHeader merchant={merchant} canManage={canManage} showCompany={showCompany} />
      <div className="space-y-4">
        {merchant.status === 'DISABLED' ? (
          <Alert tone="warning" role="status">
            {t('merchants.detail.disabledNotice')}
          </Alert>
        ) : null}
        {!canManage ? (
          <Alert tone="info" role="note">
            {t('merchants.detail.readOnly')}
          </Alert>
        ) : null}
      </div>
      <div className="mt-8 space-y-12">
        <ChannelsSection merchant={merchant} canManage={canManage} />
        <AppGrants merchant={merchant} canManage={canManage} />
      </div>
    </Announcer>
  );
}
