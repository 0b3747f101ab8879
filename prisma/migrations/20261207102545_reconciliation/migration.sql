-- CreateEnum
CREATE TYPE "ReconciliationStatus" AS ENUM ('PENDING', 'MATCHED', 'DISCREPANCIES', 'FAILED');

-- CreateEnum
CREATE TYPE "ReconciliationDiscrepancyKind" AS ENUM ('CHANNEL_ONLY', 'CENTER_ONLY', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH', 'BILL_INCONSISTENT');

-- AlterEnum
ALTER TYPE "AlertKind" ADD VALUE 'RECONCILIATION_DISCREPANCY';

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" TEXT NOT NULL,
    "paymentChannelId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "runDate" DATE NOT NULL,
    "status" "ReconciliationStatus" NOT NULL,
    "failureReason" TEXT,
    "ourPaymentCount" INTEGER NOT NULL DEFAULT 0,
    "ourPaymentAmount" INTEGER NOT NULL DEFAULT 0,
    "ourRefundCount" INTEGER NOT NULL DEFAULT 0,
    "ourRefundAmount" INTEGER NOT NULL DEFAULT 0,
    "channelPaymentCount" INTEGER NOT NULL DEFAULT 0,
    "channelPaymentAmount" INTEGER NOT NULL DEFAULT 0,
    "channelRefundCount" INTEGER NOT NULL DEFAULT 0,
    "channelRefundAmount" INTEGER NOT NULL DEFAULT 0,
    "channelFee" TEXT,
    "reconciledAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationDiscrepancy" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" "ReconciliationDiscrepancyKind" NOT NULL,
    "serialNo" TEXT,
    "refundSerialNo" TEXT,
    "channelTradeNo" TEXT,
    "channelRefundNo" TEXT,
    "ourAmount" INTEGER,
    "ourStatus" TEXT,
    "channelAmount" INTEGER,
    "channelStatus" TEXT,
    "billLine" INTEGER,
    "detail" TEXT NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedBy" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReconciliationDiscrepancy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReconciliationRun_companyId_runDate_idx" ON "ReconciliationRun"("companyId", "runDate");

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationRun_paymentChannelId_runDate_key" ON "ReconciliationRun"("paymentChannelId", "runDate");

-- CreateIndex
CREATE INDEX "ReconciliationDiscrepancy_runId_idx" ON "ReconciliationDiscrepancy"("runId");

-- AddForeignKey
ALTER TABLE "ReconciliationRun" ADD CONSTRAINT "ReconciliationRun_paymentChannelId_fkey" FOREIGN KEY ("paymentChannelId") REFERENCES "PaymentChannel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationDiscrepancy" ADD CONSTRAINT "ReconciliationDiscrepancy_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ReconciliationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
