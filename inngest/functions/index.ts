import type { InngestFunction } from 'inngest';

/**
 * Every durable workflow PayCenter serves, grouped per domain in this folder
 * (`payments.ts`, `webhooks.ts`...). The Inngest route serves exactly this list.
 */
export const functions: InngestFunction.Any[] = [];
