import { AlertKind, AlertSeverity, AlertStatus } from '@/server/db/generated/enums';
import type { RouterOutputs } from '../router-outputs';

export type AlertListItem = RouterOutputs['alerts']['list']['items'][number];
export type AlertDetail = RouterOutputs['alerts']['get'];
export type AlertSend = AlertDetail['sends'][number];

export const ALERT_KINDS = Object.values(AlertKind);
export const ALERT_SEVERITIES = Object.values(AlertSeverity);
export const ALERT_STATUSES = Object.values(AlertStatus);
export type { AlertKind, AlertSeverity, AlertStatus };

/** The list's status filter: `''` is the default (open and acknowledged), `ALL` adds the resolved. */
export const STATUS_FILTERS = ['', ...ALERT_STATUSES, 'ALL'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function statusesOf(filter: StatusFilter): AlertStatus[] | undefined {
  if (filter === '') return undefined;
  return filter === 'ALL' ? [...ALERT_STATUSES] : [filter];
}
