'use client';

import { useI18n } from '@/components/i18n/client';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { WebhookStatus } from './webhook-types';

const TONES: Record<WebhookStatus, BadgeTone> = { PENDING: 'amber', SUCCEEDED: 'green', EXHAUSTED: 'red' };

export function WebhookStatusBadge({ status }: { status: WebhookStatus }) {
  const { t } = useI18n();
  return <Badge tone={TONES[status]}>{t(`webhooks.status.${status}`)}</Badge>;
}
