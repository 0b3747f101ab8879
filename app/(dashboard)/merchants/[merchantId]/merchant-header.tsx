'use client';

import { useI18n } from '@/components/i18n/client';
import { StatusBadge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import type { MerchantDetail } from '../merchant-types';
import { formatDateTime } from '../format-date';
import { EditMerchantDialog } from './edit-merchant-dialog';
import { MerchantStatusAction } from './merchant-status-action';

export interface MerchantHeaderProps {
  merchant: MerchantDetail;
  canManage: boolean;
  showCompany: boolean;
}

/** The merchant's name and status, its merchant ID to copy, and the merchant-level actions. */
export function MerchantHeader({ merchant, canManage, showCompany }: MerchantHeaderProps) {
  const { t, locale } = useI18n();
  return (
    <>
      <PageHeader
        back={{ href: '/merchants', label: t('merchants.detail.back') }}
        title={
          <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
            {merchant.name}
            <StatusBadge status={merchant.status} />
          </span>
        }
        description={merchant.description ?? undefined}
        actions={
          canManage ? (
            <>
              <EditMerchantDialog merchant={merchant} />
              <MerchantStatusAction merchant={merchant} />
            </>
          ) : undefined
        }
        className="mb-4"
      />
      <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end sm:gap-8">
        <div className="min-w-0">
          <p id="merchant-id-label" className="text-sm font-medium text-slate-600">
            {t('merchants.detail.merchantId')}
          </p>
          <div className="mt-1 flex max-w-full items-center gap-2 rounded-lg border border-slate-300 bg-white py-1.5 pr-1.5 pl-3 shadow-sm">
            <code aria-labelledby="merchant-id-label" className="min-w-0 font-mono text-sm break-all text-slate-900" data-testid="merchant-id">
              {merchant.id}
            </code>
            <CopyButton value={merchant.id} label={t('merchants.detail.merchantId')} />
          </div>
        </div>
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          {showCompany ? (
            <div>
              <dt className="text-slate-600">{t('merchants.detail.company')}</dt>
              <dd className="mt-0.5 font-medium text-slate-900">{merchant.company.name}</dd>
            </div>
          ) : null}
          <div>
            <dt className="text-slate-600">{t('merchants.detail.createdAt')}</dt>
            <dd className="mt-0.5 text-slate-900">{formatDateTime(merchant.createdAt, locale)}</dd>
          </div>
        </dl>
      </div>
    </>
  );
}
