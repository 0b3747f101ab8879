import { z } from 'zod';
import type { Payment } from '@/server/db/generated/client';

const channelAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('REDIRECT'), url: z.string() }),
  z.object({ type: z.literal('FORM'), html: z.string() }),
  z.object({ type: z.literal('QR_CODE'), content: z.string() }),
  z.object({ type: z.literal('SDK_PARAMS'), params: z.record(z.string(), z.string()) }),
]);

/** What a channel answers a created payment with: where or how the payer pays. */
export type ChannelAction = z.infer<typeof channelAction>;

/**
 * The action of api-contract.md the app receives: what to show the user. The QR code the app
 * shows also links to the hosted checkout (listed first so it keeps that link).
 */
export const actionObject = z.union([
  z.object({ type: z.literal('CHECKOUT'), url: z.string() }),
  z.object({ type: z.literal('QR_CODE'), content: z.string(), checkoutUrl: z.string() }),
  channelAction,
]);

export type AppAction = z.infer<typeof actionObject>;

const storedAction = z.object({ app: actionObject, channel: channelAction.optional() });

/**
 * What is stored on the attempt: the app's action, and the channel's own (a QR code's content, an
 * order string) that the hosted checkout and the sandbox helpers need. A CASHIER attempt has no
 * channel's action until its payer's choice has been sent.
 */
export type StoredAction = z.infer<typeof storedAction>;

/** The stored action of an attempt, checked against its shape; null while nothing was stored yet. */
export function readStoredAction(payment: Pick<Payment, 'action'>): StoredAction | null {
  return payment.action === null ? null : storedAction.parse(payment.action);
}
