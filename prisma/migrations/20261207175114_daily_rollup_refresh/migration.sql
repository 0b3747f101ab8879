-- CreateTable
CREATE TABLE "DailyRollupWatermark" (
    "id" TEXT NOT NULL,
    "scannedTo" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyRollupWatermark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Order_updatedAt_idx" ON "Order"("updatedAt");

-- CreateIndex
CREATE INDEX "Payment_updatedAt_idx" ON "Payment"("updatedAt");

-- CreateIndex
CREATE INDEX "Payment_companyId_paidAt_idx" ON "Payment"("companyId", "paidAt");

-- CreateIndex
CREATE INDEX "Payment_companyId_failedAt_idx" ON "Payment"("companyId", "failedAt");

-- CreateIndex
CREATE INDEX "Refund_updatedAt_idx" ON "Refund"("updatedAt");

-- CreateIndex
CREATE INDEX "Refund_companyId_succeededAt_idx" ON "Refund"("companyId", "succeededAt");

-- CreateIndex
CREATE INDEX "Split_updatedAt_idx" ON "Split"("updatedAt");

-- CreateIndex
CREATE INDEX "Split_companyId_finishedAt_idx" ON "Split"("companyId", "finishedAt");
