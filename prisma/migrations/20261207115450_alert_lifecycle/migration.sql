-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('INFO', 'WARNING', 'CRITICAL');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AlertKind" ADD VALUE 'REFUND_STUCK';
ALTER TYPE "AlertKind" ADD VALUE 'CHANNEL_FAILING';
ALTER TYPE "AlertKind" ADD VALUE 'WEBHOOK_ENDPOINT_FAILING';
ALTER TYPE "AlertKind" ADD VALUE 'RECONCILIATION_LATE';
ALTER TYPE "AlertKind" ADD VALUE 'JOB_FAILING';

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "acknowledgedAt" TIMESTAMPTZ(3),
ADD COLUMN     "acknowledgedById" TEXT,
ADD COLUMN     "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "notifiedOccurrences" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "occurrences" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "resolutionNote" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMPTZ(3),
ADD COLUMN     "resolvedById" TEXT,
ADD COLUMN     "severity" "AlertSeverity" NOT NULL DEFAULT 'WARNING',
ADD COLUMN     "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
ADD COLUMN     "subject" TEXT;

-- Existing alerts were one row per fact: their subject is what the DingTalk bursts grouped by, the facts
-- already routed count as notified, and all but the newest open row of a (kind, subject) are resolved so
-- that the unique index below holds.
UPDATE "Alert" SET "subject" = COALESCE("serialNo", "companyId", 'platform'), "lastSeenAt" = "createdAt",
  "notifiedOccurrences" = CASE WHEN "notifiedAt" IS NULL THEN 0 ELSE 1 END;
UPDATE "Alert" a SET "status" = 'RESOLVED', "resolvedAt" = CURRENT_TIMESTAMP, "resolutionNote" = 'superseded by a newer alert of the same kind and subject'
WHERE EXISTS (SELECT 1 FROM "Alert" b WHERE b."kind" = a."kind" AND b."subject" = a."subject"
  AND (b."createdAt", b."id") > (a."createdAt", a."id"));
ALTER TABLE "Alert" ALTER COLUMN "subject" SET NOT NULL;

-- CreateTable
CREATE TABLE "AlertRule" (
    "kind" "AlertKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "severity" "AlertSeverity" NOT NULL,
    "params" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE INDEX "Alert_status_lastSeenAt_idx" ON "Alert"("status", "lastSeenAt");

-- CreateIndex
CREATE INDEX "Alert_kind_subject_idx" ON "Alert"("kind", "subject");

-- One unresolved alert per (kind, subject): raising it again counts an occurrence (INSERT ... ON CONFLICT).
CREATE UNIQUE INDEX "Alert_unresolved_kind_subject_key" ON "Alert"("kind", "subject") WHERE "status" <> 'RESOLVED';
