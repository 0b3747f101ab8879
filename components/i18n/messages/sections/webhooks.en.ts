import type { webhooksZhCN } from './webhooks.zh-CN';

/** Dashboard strings for the webhook delivery log, in English. */
export const webhooksEn: typeof webhooksZhCN = {
  webhooks: {
    metaTitle: 'Webhooks',
    title: 'Webhooks',
    descriptionCompany: 'Every event sent to your apps and each attempt to deliver it. Unacknowledged webhooks are retried on a schedule for about 24 hours.',
    descriptionPlatform: 'Every event sent to the apps of every property company, with each delivery attempt. Unacknowledged webhooks are retried for about 24 hours.',
    caption: 'Webhooks',
    searchLabel: 'Event ID / serial no. / refund serial no.',
    searchPlaceholder: 'The complete identifier',
    filters: { app: 'App', status: 'Status', type: 'Event type' },
    columns: { event: 'Event', status: 'Status', attempts: 'Attempts', app: 'App', next: 'Next attempt', createdAt: 'Created' },
    status: { PENDING: 'Pending', SUCCEEDED: 'Delivered', EXHAUSTED: 'Gave up' },
    empty: {
      title: 'No webhooks yet',
      description: 'Once an app has a notify URL, its payments’ and refunds’ changes appear here.',
      filteredTitle: 'No webhooks match',
      filteredDescription: 'Change the filters or the search.',
    },
    detail: {
      back: 'Back to webhooks',
      facts: 'Summary',
      url: 'Notify URL',
      app: 'App',
      payment: 'Serial no.',
      refund: 'Refund serial no.',
      deliveredAt: 'Delivered',
      exhaustedAt: 'Gave up',
      nextAttemptAt: 'Next attempt',
      inFlight: 'Being delivered',
      body: 'Body',
      attempts: 'Attempts',
      resend: 'Resend now',
      resending: 'Resending…',
      resent: 'Resent: the app acknowledged it (HTTP {status}).',
      resendFailed: 'Resent, but the app did not acknowledge it: {reason}',
    },
    attempts: { number: '#', trigger: 'How', startedAt: 'When', result: 'Result', duration: 'Took', response: 'Response excerpt', AUTO: 'Automatic', RESEND: 'Resent', noAnswer: 'No answer' },
  },
};
