-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SplitAccountType" ADD VALUE 'ALIPAY_USER_ID';
ALTER TYPE "SplitAccountType" ADD VALUE 'ALIPAY_LOGON_ID';

-- AlterTable
ALTER TABLE "SandboxAlipayRefund" ADD COLUMN     "royaltyReturns" JSONB;

-- AlterTable
ALTER TABLE "SandboxAlipayTrade" ADD COLUMN     "royaltyFinishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "royaltyFreeze" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "settledFen" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SandboxAlipayRoyaltyRelation" (
    "appId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "name" TEXT,
    "memo" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxAlipayRoyaltyRelation_pkey" PRIMARY KEY ("appId","type","account")
);

-- CreateTable
CREATE TABLE "SandboxAlipaySettle" (
    "settleNo" TEXT NOT NULL,
    "tradeNo" TEXT NOT NULL,
    "outRequestNo" TEXT NOT NULL,
    "royaltyFinish" BOOLEAN NOT NULL,
    "details" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxAlipaySettle_pkey" PRIMARY KEY ("settleNo")
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxAlipaySettle_tradeNo_outRequestNo_key" ON "SandboxAlipaySettle"("tradeNo", "outRequestNo");

-- AddForeignKey
ALTER TABLE "SandboxAlipaySettle" ADD CONSTRAINT "SandboxAlipaySettle_tradeNo_fkey" FOREIGN KEY ("tradeNo") REFERENCES "SandboxAlipayTrade"("tradeNo") ON DELETE CASCADE ON UPDATE CASCADE;
