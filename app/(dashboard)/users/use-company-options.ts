'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '@/components/trpc/react';
import type { SelectOption } from '@/components/ui/select';

/** The companies a platform admin can pick from (the first 100 by name; the server's page limit). */
export function useCompanyOptions(enabled: boolean): { options: SelectOption[]; nameOf: (id: string | null) => string | null } {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.companies.list.queryOptions({ page: 1, pageSize: 100, sortBy: 'name', sortDir: 'asc' }),
    enabled,
  });
  return useMemo(() => {
    const items = query.data?.items ?? [];
    const names = new Map(items.map((company) => [company.id, company.name]));
    return {
      options: items.map((company) => ({ value: company.id, label: company.name })),
      nameOf: (id: string | null) => (id ? (names.get(id) ?? id) : null),
    };
  }, [query.data]);
}
