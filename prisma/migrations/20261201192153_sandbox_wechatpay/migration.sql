-- CreateEnum
CREATE TYPE "SandboxWechatVerifyMode" AS ENUM ('PLATFORM_CERT', 'PUBLIC_KEY');

-- CreateEnum
CREATE TYPE "SandboxWechatTradeState" AS ENUM ('NOTPAY', 'SUCCESS', 'REFUND', 'CLOSED', 'PAYERROR');

-- CreateEnum
CREATE TYPE "SandboxWechatRefundStatus" AS ENUM ('PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL');

-- AlterTable
ALTER TABLE "SandboxAccount" ADD COLUMN     "wechatVerifyMode" "SandboxWechatVerifyMode";

-- AlterTable
ALTER TABLE "SandboxIdentity" ADD COLUMN     "certificatePem" TEXT,
ADD COLUMN     "certificateSerial" TEXT;

-- CreateTable
CREATE TABLE "SandboxWechatTrade" (
    "prepayId" TEXT NOT NULL,
    "mchId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "tradeType" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "totalFen" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "state" "SandboxWechatTradeState" NOT NULL DEFAULT 'NOTPAY',
    "notifyUrl" TEXT NOT NULL,
    "attach" TEXT,
    "payerOpenId" TEXT,
    "fingerprint" TEXT NOT NULL,
    "payToken" TEXT NOT NULL,
    "transactionId" TEXT,
    "expiresAt" TIMESTAMPTZ(3),
    "paidAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxWechatTrade_pkey" PRIMARY KEY ("prepayId")
);

-- CreateTable
CREATE TABLE "SandboxWechatRefund" (
    "refundId" TEXT NOT NULL,
    "mchId" TEXT NOT NULL,
    "outRefundNo" TEXT NOT NULL,
    "prepayId" TEXT NOT NULL,
    "refundFen" INTEGER NOT NULL,
    "reason" TEXT,
    "notifyUrl" TEXT,
    "status" "SandboxWechatRefundStatus" NOT NULL DEFAULT 'PROCESSING',
    "successAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxWechatRefund_pkey" PRIMARY KEY ("refundId")
);

-- CreateTable
CREATE TABLE "SandboxWechatNotification" (
    "id" TEXT NOT NULL,
    "mchId" TEXT NOT NULL,
    "notifyUrl" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "resourceKind" TEXT NOT NULL,
    "resource" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "lastResult" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxWechatNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxWechatTrade_payToken_key" ON "SandboxWechatTrade"("payToken");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxWechatTrade_transactionId_key" ON "SandboxWechatTrade"("transactionId");

-- CreateIndex
CREATE INDEX "SandboxWechatTrade_mchId_paidAt_idx" ON "SandboxWechatTrade"("mchId", "paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxWechatTrade_mchId_outTradeNo_key" ON "SandboxWechatTrade"("mchId", "outTradeNo");

-- CreateIndex
CREATE INDEX "SandboxWechatRefund_mchId_successAt_idx" ON "SandboxWechatRefund"("mchId", "successAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxWechatRefund_mchId_outRefundNo_key" ON "SandboxWechatRefund"("mchId", "outRefundNo");

-- CreateIndex
CREATE INDEX "SandboxWechatNotification_nextAttemptAt_idx" ON "SandboxWechatNotification"("nextAttemptAt");

-- AddForeignKey
ALTER TABLE "SandboxWechatRefund" ADD CONSTRAINT "SandboxWechatRefund_prepayId_fkey" FOREIGN KEY ("prepayId") REFERENCES "SandboxWechatTrade"("prepayId") ON DELETE RESTRICT ON UPDATE CASCADE;
