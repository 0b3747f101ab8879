import type { alertRulesZhCN } from './alert-rules.zh-CN';

/** Dashboard strings for the alert rules page (/alerts/rules), in English. */
export const alertRulesEn: typeof alertRulesZhCN = {
  alertRules: {
    metaTitle: 'Alert rules',
    title: 'Alert rules',
    description: 'Whether each kind of alert is raised, how severe it is, and its thresholds. A kind turned off raises nothing; changes apply at once and are recorded in the audit log.',
    loading: 'Loading…',
    loadFailed: 'The alert rules could not be loaded.',
    retry: 'Try again',
    customised: 'Changed',
    on: 'On',
    off: 'Off',
    notANumber: 'Enter a number (several numbers separated by commas).',
    defaultValue: 'Default: {value}',
    fields: { enabled: 'Status', severity: 'Severity' },
    severities: { INFO: 'Info', WARNING: 'Warning', CRITICAL: 'Critical' },
    params: {
      windowMinutes: 'Window (minutes)',
      minCalls: 'Minimum calls',
      failureRatePercent: 'Failure rate (%)',
      p95LatencyMs: 'p95 latency (ms: 1000, 2000, 5000, 10000 or 30000)',
      hours: 'For how long (hours)',
      days: 'Days before expiry (comma-separated)',
      hourBeijing: 'Deadline (hour, Beijing time)',
      consecutiveFailures: 'Failures in a row',
    },
    kinds: {
      DUPLICATE_PAYMENT: { title: 'Duplicate payment', description: 'An order was paid twice; the extra payment is refunded automatically.' },
      AMOUNT_MISMATCH: { title: 'Amount mismatch', description: "A callback's or query's amount differs from the order's and was not trusted." },
      REFUND_FAILED: { title: 'Refund failed', description: 'The channel refused a refund.' },
      REFUND_STUCK: { title: 'Refund stuck', description: 'A refund has been processing at the channel for longer than the rule allows.' },
      CALLBACK_REJECTED: { title: 'Callback rejected', description: 'Bad signature, wrong merchant or app ID, or no such payment: possibly a forged callback.' },
      CHANNEL_FAILING: { title: 'Channel failing', description: "A payment channel account's calls failed, or were slow, above the thresholds over the window." },
      WEBHOOK_EXHAUSTED: { title: 'Webhook exhausted', description: 'An event notification was not acknowledged by the app after its whole retry schedule.' },
      WEBHOOK_ENDPOINT_FAILING: { title: 'Webhook endpoint failing', description: "An app's notify URL has failed every delivery for the rule's hours." },
      CERTIFICATE_EXPIRING: { title: 'Certificate expiring', description: "A WeChat Pay platform certificate, an Alipay certificate or a merchant's app certificate expires soon or has expired; once per threshold." },
      RECONCILIATION_DISCREPANCY: { title: 'Reconciliation discrepancies', description: "A day's reconciliation found records that disagree with the channel's bill." },
      RECONCILIATION_LATE: { title: 'Reconciliation late', description: "The previous day's bill was not reconciled by the deadline, or its reconciliation failed." },
      JOB_FAILING: { title: 'Job failing', description: 'A background job failed several times in a row, or has not run for three of its periods.' },
    },
  },
};
