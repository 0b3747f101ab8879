'use client';

import { useI18n } from '@/components/i18n/client';
import { Select } from '@/components/ui/select';

type Status = 'ACTIVE' | 'SUSPENDED' | 'DISABLED';

export interface StatusFilterProps<S extends Status> {
  label: string;
  /** `''` means all. */
  value: '' | S;
  statuses: readonly S[];
  onChange: (value: '' | S) => void;
}

/** A list's status filter: "all" and each status the list's items can have. */
export function StatusFilter<S extends Status>({ label, value, statuses, onChange }: StatusFilterProps<S>) {
  const { t } = useI18n();
  return (
    <Select
      label={label}
      className="sm:w-40"
      value={value}
      onChange={(event) => onChange(event.target.value as '' | S)}
      options={[{ value: '', label: t('ui.filters.all') }, ...statuses.map((status) => ({ value: status, label: t(`ui.status.${status}`) }))]}
    />
  );
}
