'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '@/components/i18n/client';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/components/ui/form-errors';

export interface CompanyStatusActionProps {
  company: { id: string; name: string; status: 'ACTIVE' | 'SUSPENDED' };
}

/** Suspend or reactivate, behind a confirmation that says what suspension does and does not do. */
export function CompanyStatusAction({ company }: CompanyStatusActionProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const suspending = company.status === 'ACTIVE';

  const setStatus = useMutation(
    trpc.companies.setStatus.mutationOptions({
      onSuccess: async (updated) => {
        setOpen(false);
        setNotice(updated.status === 'SUSPENDED' ? t('companies.detail.suspended') : t('companies.detail.reactivated'));
        await queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() });
      },
    }),
  );

  return (
    <>
      <Button
        variant="secondary"
        className={suspending ? 'text-red-700!' : undefined}
        onClick={() => {
          setStatus.reset();
          setNotice(null);
          setOpen(true);
        }}
      >
        {suspending ? t('companies.detail.suspend') : t('companies.detail.reactivate')}
      </Button>
      {/* The badge and the notice below the header show the change; this line announces it. */}
      <p role="status" className="sr-only">
        {notice}
      </p>
      <ConfirmDialog
        open={open}
        title={t(suspending ? 'companies.detail.suspendTitle' : 'companies.detail.reactivateTitle', { name: company.name })}
        description={suspending ? t('companies.detail.suspendDescription') : t('companies.detail.reactivateDescription')}
        confirmLabel={suspending ? t('companies.detail.suspend') : t('companies.detail.reactivate')}
        destructive={suspending}
        confirmText={suspending ? company.name : undefined}
        pending={setStatus.isPending}
        error={setStatus.error ? errorMessage(setStatus.error, t) : null}
        onConfirm={() => setStatus.mutate({ companyId: company.id, status: suspending ? 'SUSPENDED' : 'ACTIVE' })}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
