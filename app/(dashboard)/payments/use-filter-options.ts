'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';
import type { SelectOption } from '@/components/ui/select';

const OPTIONS_PAGE = { page: 1, pageSize: 100, sortBy: 'name', sortDir: 'asc' } as const;

/** The merchants (of the chosen company, if any) and apps a reader can filter payments by: the first 100 of each by name. */
export function usePaymentFilterOptions(companyId: string): { merchants: SelectOption[]; apps: SelectOption[] } {
  const trpc = useTRPC();
  const merchants = useQuery(trpc.merchants.list.queryOptions({ ...OPTIONS_PAGE, ...(companyId ? { companyId } : {}) }));
  const apps = useQuery(trpc.apps.list.queryOptions(OPTIONS_PAGE));
  return {
    merchants: (merchants.data?.items ?? []).map((merchant) => ({ value: merchant.id, label: merchant.name })),
    apps: (apps.data?.items ?? []).map((app) => ({ value: app.id, label: app.name })),
  };
}
