'use client';

import { useI18n } from '@/components/i18n/client';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ReconciliationStatus } from '@/server/db/generated/client';

const tones: Record<ReconciliationStatus, BadgeTone> = { MATCHED: 'green', DISCREPANCIES: 'amber', FAILED: 'red', PENDING: 'slate' };

export function ReconciliationStatusBadge({ status }: { status: ReconciliationStatus }) {
  const { t } = useI18n();
  return <Badge tone={tones[status]}>{t(`reconciliation.status.${status}`)}</Badge>;
}
