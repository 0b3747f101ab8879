import type { Db, Tx } from '@/server/db/client';
import type { Alert } from '@/server/db/generated/client';

/** The columns of an alert the dashboard shows in lists (details, which may be large, only in `getAlert`). */
export const ALERT_LIST_FIELDS = {
  id: true,
  kind: true,
  severity: true,
  status: true,
  companyId: true,
  serialNo: true,
  subject: true,
  message: true,
  details: true,
  occurrences: true,
  createdAt: true,
  lastSeenAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
} as const;

type ListedAlert = Pick<Alert, keyof typeof ALERT_LIST_FIELDS>;

/** The webhook event an alert is about, when its raiser recorded one (WEBHOOK_EXHAUSTED does). */
function eventIdOf(details: unknown): string | null {
  const eventId = typeof details === 'object' && details !== null ? Reflect.get(details, 'eventId') : undefined;
  return typeof eventId === 'string' ? eventId : null;
}

/** Names of the companies the alerts belong to, read once for a page of them (Alert has no relation to PropertyCompany). */
export async function companyNames(client: Db | Tx, companyIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(companyIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const companies = await client.propertyCompany.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(companies.map((company) => [company.id, company.name]));
}

/** An alert as the dashboard lists it; `company: null` is a platform-wide alert. */
export function alertView(alert: ListedAlert, names: ReadonlyMap<string, string>) {
  const { details, companyId, ...fields } = alert;
  return {
    ...fields,
    company: companyId ? { id: companyId, name: names.get(companyId) ?? companyId } : null,
    eventId: eventIdOf(details),
  };
}

export type AlertView = ReturnType<typeof alertView>;
