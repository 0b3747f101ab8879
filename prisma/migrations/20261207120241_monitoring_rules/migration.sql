-- AlterTable
ALTER TABLE "JobState" ADD COLUMN     "consecutiveFailures" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ChannelCallMinute" (
    "paymentChannelId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(0) NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "latencySumMs" BIGINT NOT NULL DEFAULT 0,
    "latencyMaxMs" INTEGER NOT NULL DEFAULT 0,
    "over1000Ms" INTEGER NOT NULL DEFAULT 0,
    "over2000Ms" INTEGER NOT NULL DEFAULT 0,
    "over5000Ms" INTEGER NOT NULL DEFAULT 0,
    "over10000Ms" INTEGER NOT NULL DEFAULT 0,
    "over30000Ms" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ChannelCallMinute_pkey" PRIMARY KEY ("paymentChannelId","minute","operation")
);

-- CreateIndex
CREATE INDEX "ChannelCallMinute_minute_idx" ON "ChannelCallMinute"("minute");
