'use client';

import { useQuery } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { RuleCard } from './rule-card';

/** Every alert kind's rule, one card each: one column on a phone, two on a desktop. */
export function AlertRulesView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const rules = useQuery(trpc.alertRules.list.queryOptions());
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t('alertRules.title')} description={t('alertRules.description')} />
      {rules.error ? (
        <Alert tone="error" title={t('alertRules.loadFailed')}>
          <Button variant="secondary" onClick={() => void rules.refetch()}>
            {t('alertRules.retry')}
          </Button>
        </Alert>
      ) : null}
      {rules.isPending ? <p className="text-sm text-slate-600">{t('alertRules.loading')}</p> : null}
      <ul className="grid gap-4 lg:grid-cols-2" aria-label={t('alertRules.title')}>
        {rules.data?.map((rule) => (
          <li key={rule.kind}>
            <RuleCard rule={rule} />
          </li>
        ))}
      </ul>
    </div>
  );
}
