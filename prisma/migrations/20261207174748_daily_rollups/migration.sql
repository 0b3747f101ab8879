-- CreateTable
CREATE TABLE "DailyRollup" (
    "companyId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "invokeMethod" "InvokeMethod" NOT NULL,
    "day" DATE NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "succeededCount" INTEGER NOT NULL DEFAULT 0,
    "succeededAmount" BIGINT NOT NULL DEFAULT 0,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateAmount" BIGINT NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "failureCodes" JSONB NOT NULL DEFAULT '{}',
    "refundCount" INTEGER NOT NULL DEFAULT 0,
    "refundAmount" BIGINT NOT NULL DEFAULT 0,
    "splitCount" INTEGER NOT NULL DEFAULT 0,
    "splitAmount" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyRollup_pkey" PRIMARY KEY ("companyId","day","merchantId","appId","channel","invokeMethod","livemode")
);

-- CreateIndex
CREATE INDEX "DailyRollup_day_idx" ON "DailyRollup"("day");
