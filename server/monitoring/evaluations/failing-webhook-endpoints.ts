import { db } from '@/server/db/client';
import type { AlertRuleParams } from '../rules/alert-rule-catalogue';
import type { FailingCondition } from '../raise-conditions';

interface EndpointRow {
  appId: string;
  companyId: string;
  url: string;
  failingSince: Date;
  failures: number;
}

/**
 * App webhook endpoints (app, company, URL) that have answered nothing but failures for at least
 * the rule's hours: their first failure since their last acknowledgement (a 2xx) is that old, and
 * they are still being tried within that time.
 */
export async function findFailingWebhookEndpoints(options: { params: AlertRuleParams<'WEBHOOK_ENDPOINT_FAILING'>; now: Date }): Promise<FailingCondition[]> {
  const { hours } = options.params;
  const since = new Date(options.now.getTime() - hours * 3600_000);
  const rows = await db().$queryRaw<EndpointRow[]>`
    WITH attempts AS (
      SELECT d."appId", d."companyId", a."url", a."startedAt", COALESCE(a."statusCode" BETWEEN 200 AND 299, false) AS "acknowledged"
      FROM "WebhookAttempt" a JOIN "WebhookDelivery" d ON d."eventId" = a."deliveryId"
    ), recent AS (
      SELECT "appId", "companyId", "url" FROM attempts WHERE "startedAt" >= ${since} GROUP BY "appId", "companyId", "url"
    ), endpoints AS (
      SELECT a."appId", a."companyId", a."url",
        MAX(a."startedAt") FILTER (WHERE a."acknowledged") AS "lastAcknowledged"
      FROM attempts a JOIN recent r USING ("appId", "companyId", "url")
      GROUP BY a."appId", a."companyId", a."url"
    )
    SELECT e."appId", e."companyId", e."url", MIN(a."startedAt") AS "failingSince", COUNT(*)::int AS "failures"
    FROM endpoints e JOIN attempts a USING ("appId", "companyId", "url")
    WHERE NOT a."acknowledged" AND (e."lastAcknowledged" IS NULL OR a."startedAt" > e."lastAcknowledged")
    GROUP BY e."appId", e."companyId", e."url"
    HAVING MIN(a."startedAt") <= ${since}`;
  return rows.map((row) => ({
    subject: `webhook-endpoint:${row.appId}:${row.companyId}:${row.url}`,
    companyId: row.companyId,
    message: `App ${row.appId}'s webhook endpoint ${row.url} has failed every attempt (${row.failures}) since ${row.failingSince.toISOString()}.`,
    details: { appId: row.appId, url: row.url, failingSince: row.failingSince.toISOString(), failures: row.failures },
  }));
}
