'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n/client';
import { fenToYuanInput, formatFen, parseYuanToFen } from '@/components/money/fen';
import { useTRPC } from '@/components/trpc/react';
import { Button } from '@/components/ui/button';
import { FormErrorAlert } from '@/components/ui/form-actions';
import { getFormErrors } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Modal } from '@/components/ui/modal';

export interface RefundDialogProps {
  serialNo: string;
  /** amount − refundReservedAmount, in fen. */
  refundableAmount: number;
  /** Told the outcome once the refund is recorded (it may still be processing at the channel). */
  onRefunded: (message: string) => void;
}

/** "退款": an amount in yuan (the whole refundable amount by default) and a reason. */
export function RefundDialog(props: RefundDialogProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="open-refund">
        {t('payments.refund.open')}
      </Button>
      <Modal
        open={open}
        onClose={() => {
          if (!busy) setOpen(false);
        }}
        title={t('payments.refund.title')}
        description={
          <>
            <span className="block">{t('payments.refund.description')}</span>
            <span className="mt-2 block font-medium text-slate-900" data-testid="refundable-amount">
              {t('payments.refund.refundable', { amount: formatFen(props.refundableAmount) })}
            </span>
          </>
        }
        testId="refund-dialog"
      >
        <RefundForm {...props} onBusy={setBusy} onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function RefundForm({ serialNo, refundableAmount, onRefunded, onBusy, onDone }: RefundDialogProps & { onBusy: (busy: boolean) => void; onDone: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState(fenToYuanInput(refundableAmount));
  const [reason, setReason] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const refund = useMutation(
    trpc.payments.refund.mutationOptions({
      onMutate: () => onBusy(true),
      onSettled: () => onBusy(false),
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.payments.pathKey() });
        onRefunded(t('payments.refund.done', { amount: formatFen(result.refund.amount), status: t(`payments.refundStatus.${result.refund.status}`) }));
        onDone();
      },
    }),
  );
  const errors = getFormErrors(refund.error, t, {
    knownFields: ['amount', 'reason'],
    overrides: { REFUND_AMOUNT_EXCEEDED: t('payments.refund.exceeded'), CONFLICT: t('payments.refund.notRefundable') },
  });
  const maximum = formatFen(refundableAmount);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (refund.isPending) return;
    const fen = parseYuanToFen(amount);
    const problem = fen === null || fen <= 0 ? t('payments.refund.invalidAmount') : fen > refundableAmount ? t('payments.refund.tooMuch', { amount: maximum }) : null;
    setAmountError(problem);
    if (problem || fen === null) return;
    refund.mutate({ serialNo, amount: fen, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="mt-4 space-y-4">
      <Input
        label={t('payments.refund.amountLabel')}
        hint={t('payments.refund.amountHint', { amount: maximum })}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(event) => {
          setAmount(event.target.value);
          setAmountError(null);
        }}
        error={amountError ?? errors.fields.amount}
        data-testid="refund-amount"
      />
      <Input label={t('payments.refund.reasonLabel')} maxLength={256} value={reason} onChange={(event) => setReason(event.target.value)} error={errors.fields.reason} />
      <FormErrorAlert message={Object.keys(errors.fields).length === 0 ? errors.message : null} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone} disabled={refund.isPending}>
          {t('payments.refund.cancel')}
        </Button>
        <Button type="submit" aria-disabled={refund.isPending || undefined} data-testid="refund-submit">
          {refund.isPending ? t('payments.refund.submitting') : t('payments.refund.submit')}
        </Button>
      </div>
    </form>
  );
}
