'use client';

import type { ReactNode } from 'react';
import { useI18n } from '@/components/i18n/client';
import { Alert } from '@/components/ui/alert';
import { StatusBadge, type Status } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { errorMessage } from '@/components/ui/form-errors';
import { PageHeader } from '@/components/ui/page-header';

type Back = { href: string; label: string };

/** A detail page whose item has not loaded: still loading, or why it failed. */
export function DetailUnavailable({ title, back, error }: { title: string; back: Back; error: unknown }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={title} back={back} />
      {error ? (
        <Alert tone="error" role="alert">
          {errorMessage(error, t)}
        </Alert>
      ) : (
        <p role="status" className="text-sm text-slate-600">
          {t('ui.table.loading')}
        </p>
      )}
    </div>
  );
}

export interface DetailHeaderProps {
  back: Back;
  name: string;
  status: Status;
  description: ReactNode;
  actions: ReactNode;
}

/** A detail page's header: the item's name with its status badge. */
export function DetailHeader({ back, name, status, description, actions }: DetailHeaderProps) {
  return (
    <PageHeader
      back={back}
      title={
        <span className="inline-flex flex-wrap items-center gap-3">
          {name}
          <StatusBadge status={status} />
        </span>
      }
      description={description}
      actions={actions}
    />
  );
}

/** The card holding a detail page's edit form. */
export function EditSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="mb-8 p-4 sm:p-6">
      <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </Card>
  );
}
