-- CreateTable
CREATE TABLE "SandboxEasypayTrade" (
    "tradeNo" TEXT NOT NULL,
    "pid" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "entry" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "moneyFen" INTEGER NOT NULL,
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "param" TEXT,
    "notifyUrl" TEXT NOT NULL,
    "returnUrl" TEXT,
    "clientIp" TEXT,
    "device" TEXT,
    "paidAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxEasypayTrade_pkey" PRIMARY KEY ("tradeNo")
);

-- CreateTable
CREATE TABLE "SandboxEasypayNotification" (
    "id" TEXT NOT NULL,
    "tradeNo" TEXT NOT NULL,
    "notifyUrl" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "lastResult" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxEasypayNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxEasypayTrade_pid_outTradeNo_key" ON "SandboxEasypayTrade"("pid", "outTradeNo");

-- CreateIndex
CREATE INDEX "SandboxEasypayNotification_nextAttemptAt_idx" ON "SandboxEasypayNotification"("nextAttemptAt");

-- A simulated epay never refunds more than was paid, whatever runs concurrently.
ALTER TABLE "SandboxEasypayTrade" ADD CONSTRAINT "SandboxEasypayTrade_amounts_check" CHECK ("moneyFen" > 0 AND "refundedFen" >= 0 AND "refundedFen" <= "moneyFen");
