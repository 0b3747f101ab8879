'use client';

import { useI18n } from '@/components/i18n/client';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { AlertSeverity, AlertStatus } from './alert-types';

const SEVERITY_TONES: Record<AlertSeverity, BadgeTone> = { INFO: 'sky', WARNING: 'amber', CRITICAL: 'red' };
const STATUS_TONES: Record<AlertStatus, BadgeTone> = { OPEN: 'red', ACKNOWLEDGED: 'amber', RESOLVED: 'green' };

export function AlertSeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { t } = useI18n();
  return <Badge tone={SEVERITY_TONES[severity]}>{t(`alerts.severity.${severity}`)}</Badge>;
}

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONES[status]}>{t(`alerts.status.${status}`)}</Badge>;
}
