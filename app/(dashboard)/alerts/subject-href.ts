/** What an alert is about, as the alerts list and detail know it. */
export interface AlertSubject {
  subject: string;
  serialNo: string | null;
  eventId: string | null;
}

// reconcile-day raises its alerts about `reconciliation:<payment channel id>:<yyyy-MM-dd>`.
const RECONCILIATION_SUBJECT = /^reconciliation:([^:]+):(\d{4}-\d{2}-\d{2})$/;

/**
 * The dashboard page of an alert's subject: the webhook event it names, else its payment, else the
 * reconciliation of its channel and day; null when the dashboard has no page for it (a job, a certificate).
 */
export function alertSubjectHref(alert: AlertSubject): string | null {
  if (alert.eventId) return `/webhooks/${encodeURIComponent(alert.eventId)}`;
  if (alert.serialNo) return `/payments/${encodeURIComponent(alert.serialNo)}`;
  const reconciliation = RECONCILIATION_SUBJECT.exec(alert.subject);
  if (reconciliation) return `/reconciliation/${encodeURIComponent(reconciliation[1]!)}/${reconciliation[2]!}`;
  return null;
}
