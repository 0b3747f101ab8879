-- CreateEnum
CREATE TYPE "SandboxAlipayTradeStatus" AS ENUM ('WAIT_BUYER_PAY', 'TRADE_SUCCESS', 'TRADE_CLOSED', 'TRADE_FINISHED');

-- CreateTable
CREATE TABLE "SandboxAlipayTrade" (
    "tradeNo" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "productCode" TEXT,
    "subject" TEXT NOT NULL,
    "totalFen" INTEGER NOT NULL,
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "status" "SandboxAlipayTradeStatus" NOT NULL DEFAULT 'WAIT_BUYER_PAY',
    "notifyUrl" TEXT,
    "returnUrl" TEXT,
    "buyerId" TEXT,
    "buyerOpenId" TEXT,
    "seenAt" TIMESTAMPTZ(3),
    "paidAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxAlipayTrade_pkey" PRIMARY KEY ("tradeNo")
);

-- CreateTable
CREATE TABLE "SandboxAlipayRefund" (
    "id" TEXT NOT NULL,
    "tradeNo" TEXT NOT NULL,
    "outRequestNo" TEXT NOT NULL,
    "refundFen" INTEGER NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxAlipayRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxAlipayNotification" (
    "id" TEXT NOT NULL,
    "tradeNo" TEXT NOT NULL,
    "notifyUrl" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "lastResult" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxAlipayNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SandboxAlipayTrade_appId_paidAt_idx" ON "SandboxAlipayTrade"("appId", "paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxAlipayTrade_appId_outTradeNo_key" ON "SandboxAlipayTrade"("appId", "outTradeNo");

-- CreateIndex
CREATE INDEX "SandboxAlipayRefund_createdAt_idx" ON "SandboxAlipayRefund"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxAlipayRefund_tradeNo_outRequestNo_key" ON "SandboxAlipayRefund"("tradeNo", "outRequestNo");

-- CreateIndex
CREATE INDEX "SandboxAlipayNotification_nextAttemptAt_idx" ON "SandboxAlipayNotification"("nextAttemptAt");

-- AddForeignKey
ALTER TABLE "SandboxAlipayRefund" ADD CONSTRAINT "SandboxAlipayRefund_tradeNo_fkey" FOREIGN KEY ("tradeNo") REFERENCES "SandboxAlipayTrade"("tradeNo") ON DELETE RESTRICT ON UPDATE CASCADE;
