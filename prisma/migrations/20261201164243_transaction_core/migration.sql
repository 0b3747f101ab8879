-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('OPEN', 'PAID', 'CLOSED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PROCESSING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "RefundInitiator" AS ENUM ('APP', 'STAFF', 'DUPLICATE_PAYMENT');

-- CreateEnum
CREATE TYPE "NotificationOutcome" AS ENUM ('RECEIVED', 'APPLIED', 'UNCHANGED', 'REJECTED', 'AMOUNT_MISMATCH');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('DUPLICATE_PAYMENT', 'AMOUNT_MISMATCH', 'REFUND_FAILED', 'CALLBACK_REJECTED');

-- CreateTable
CREATE TABLE "ApiNonce" (
    "appId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiNonce_pkey" PRIMARY KEY ("appId","nonce")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "orderNo" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "subject" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'OPEN',
    "paidSerialNo" TEXT,
    "lastAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "serialNo" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "paymentChannelId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "invokeMethod" "InvokeMethod" NOT NULL,
    "executionMethod" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "subject" TEXT NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "channelTradeNo" TEXT,
    "refundedAmount" INTEGER NOT NULL DEFAULT 0,
    "refundReservedAmount" INTEGER NOT NULL DEFAULT 0,
    "livemode" BOOLEAN NOT NULL,
    "metadata" JSONB NOT NULL,
    "notifyUrl" TEXT,
    "returnUrl" TEXT,
    "payer" JSONB,
    "requestHash" TEXT NOT NULL,
    "action" JSONB,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "paidAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "nextQueryAt" TIMESTAMPTZ(3),
    "queryCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateOf" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("serialNo")
);

-- CreateTable
CREATE TABLE "Refund" (
    "refundSerialNo" TEXT NOT NULL,
    "refundNo" TEXT NOT NULL,
    "serialNo" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT,
    "status" "RefundStatus" NOT NULL DEFAULT 'PROCESSING',
    "initiator" "RefundInitiator" NOT NULL,
    "actorUserId" TEXT,
    "channelRefundNo" TEXT,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "nextQueryAt" TIMESTAMPTZ(3),
    "queryCount" INTEGER NOT NULL DEFAULT 0,
    "succeededAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("refundSerialNo")
);

-- CreateTable
CREATE TABLE "ChannelNotification" (
    "id" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "paymentChannelId" TEXT NOT NULL,
    "companyId" TEXT,
    "method" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "query" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "verified" BOOLEAN,
    "outcome" "NotificationOutcome" NOT NULL DEFAULT 'RECEIVED',
    "reason" TEXT,
    "serialNo" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChannelNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" TEXT NOT NULL,
    "cursor" BIGSERIAL NOT NULL,
    "appId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "livemode" BOOLEAN NOT NULL,
    "serialNo" TEXT,
    "refundSerialNo" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "companyId" TEXT,
    "serialNo" TEXT,
    "message" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiNonce_createdAt_idx" ON "ApiNonce"("createdAt");

-- CreateIndex
CREATE INDEX "Order_companyId_createdAt_idx" ON "Order"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_appId_merchantId_orderNo_key" ON "Order"("appId", "merchantId", "orderNo");

-- CreateIndex
CREATE INDEX "Payment_orderId_createdAt_idx" ON "Payment"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_channelTradeNo_idx" ON "Payment"("channelTradeNo");

-- CreateIndex
CREATE INDEX "Payment_companyId_createdAt_idx" ON "Payment"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_appId_createdAt_idx" ON "Payment"("appId", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_status_nextQueryAt_idx" ON "Payment"("status", "nextQueryAt");

-- CreateIndex
CREATE INDEX "Refund_serialNo_idx" ON "Refund"("serialNo");

-- CreateIndex
CREATE INDEX "Refund_companyId_createdAt_idx" ON "Refund"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_status_nextQueryAt_idx" ON "Refund"("status", "nextQueryAt");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_appId_refundNo_key" ON "Refund"("appId", "refundNo");

-- CreateIndex
CREATE INDEX "ChannelNotification_serialNo_receivedAt_idx" ON "ChannelNotification"("serialNo", "receivedAt");

-- CreateIndex
CREATE INDEX "ChannelNotification_receivedAt_idx" ON "ChannelNotification"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_cursor_key" ON "OutboxEvent"("cursor");

-- CreateIndex
CREATE INDEX "OutboxEvent_appId_cursor_idx" ON "OutboxEvent"("appId", "cursor");

-- CreateIndex
CREATE INDEX "OutboxEvent_serialNo_idx" ON "OutboxEvent"("serialNo");

-- CreateIndex
CREATE INDEX "Alert_createdAt_idx" ON "Alert"("createdAt");

-- CreateIndex
CREATE INDEX "Alert_companyId_createdAt_idx" ON "Alert"("companyId", "createdAt");

-- AddForeignKey
ALTER TABLE "ApiNonce" ADD CONSTRAINT "ApiNonce_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_paymentChannelId_fkey" FOREIGN KEY ("paymentChannelId") REFERENCES "PaymentChannel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_serialNo_fkey" FOREIGN KEY ("serialNo") REFERENCES "Payment"("serialNo") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Money invariants the database enforces whatever the code does: refunds never exceed the payment,
-- amounts are positive whole fen.
ALTER TABLE "Order" ADD CONSTRAINT "Order_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refunds_within_amount"
  CHECK ("refundedAmount" >= 0 AND "refundedAmount" <= "refundReservedAmount" AND "refundReservedAmount" <= "amount");
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_positive" CHECK ("amount" > 0);
