import type { Channel } from '@/server/db/generated/client';
import type { Tx } from '@/server/db/client';

/** Rejected callbacks kept in full per payment ID (or per channel, for unknown payment IDs) and window. */
export const REJECTED_CONTENT_CAP = 20;
export const REJECTED_CONTENT_WINDOW = '1 hour';

export interface RejectedCallback {
  id: string;
  channel: Channel;
  paymentId: string;
  /** Whether the payment ID names an account of this channel: a spray of made-up IDs shares its channel's cap. */
  knownAccount: boolean;
  method: string;
  headers: Record<string, string>;
  query: string;
  body: string;
  reason: string;
  serialNo: string | null;
}

/**
 * Records a rejected callback in one statement, counting it in its payment ID's window first: the
 * first REJECTED_CONTENT_CAP of the window keep headers, query and body; later ones keep only what
 * happened (channel, payment ID, method, reason, claimed serial, time), so a flood of forged callbacks
 * costs a small row each rather than up to 64 KiB. The window row is one per key, reset by the first
 * callback of a new window (the database's clock, the same for every instance). Answers whether
 * the content was kept.
 */
export async function recordRejectedCallback(tx: Tx, callback: RejectedCallback): Promise<boolean> {
  const key = callback.knownAccount ? callback.paymentId : `${callback.channel}:unknown-payment-id`;
  const [row] = await tx.$queryRaw<{ contentStored: boolean }[]>`
    WITH slot AS (
      INSERT INTO "RejectedCallbackWindow" ("key", "windowStart", "count")
      VALUES (${key}, date_bin(${REJECTED_CONTENT_WINDOW}::interval, clock_timestamp(), TIMESTAMPTZ 'epoch'), 1)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RejectedCallbackWindow"."windowStart" = EXCLUDED."windowStart" THEN "RejectedCallbackWindow"."count" + 1 ELSE 1 END,
        "windowStart" = EXCLUDED."windowStart"
      RETURNING "count" <= ${REJECTED_CONTENT_CAP} AS "keep"
    )
    INSERT INTO "ChannelNotification" ("id", "channel", "paymentChannelId", "method", "headers", "query", "body", "contentStored", "verified", "outcome", "reason", "serialNo", "processedAt")
    SELECT ${callback.id}, ${callback.channel}::"Channel", ${callback.paymentId}, ${callback.method},
      CASE WHEN "keep" THEN ${JSON.stringify(callback.headers)}::jsonb ELSE '{}'::jsonb END,
      CASE WHEN "keep" THEN ${callback.query} ELSE '' END,
      CASE WHEN "keep" THEN ${callback.body} ELSE '' END,
      "keep", false, 'REJECTED'::"NotificationOutcome", ${callback.reason}, ${callback.serialNo}, clock_timestamp()
    FROM slot
    RETURNING "contentStored"`;
  return row!.contentStored;
}
