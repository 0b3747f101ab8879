-- CreateEnum
CREATE TYPE "SplitAccountType" AS ENUM ('MERCHANT_ID', 'PERSONAL_OPENID');

-- CreateEnum
CREATE TYPE "SplitReceiverStatus" AS ENUM ('ACTIVE', 'REMOVED');

-- CreateEnum
CREATE TYPE "SplitStatus" AS ENUM ('PROCESSING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "profitSharing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "splitAmount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "splitFinishOrderNo" TEXT,
ADD COLUMN     "splitFinishRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "splitFinishedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PaymentChannel" ADD COLUMN     "maxSplitRatioBps" INTEGER NOT NULL DEFAULT 3000,
ADD COLUMN     "splitEnabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SandboxWechatTrade" ADD COLUMN     "profitSharing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sharedFen" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unfrozenAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SplitReceiver" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "paymentChannelId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "accountType" "SplitAccountType" NOT NULL,
    "account" TEXT NOT NULL,
    "nameSealed" TEXT,
    "relationType" TEXT NOT NULL,
    "customRelation" TEXT,
    "status" "SplitReceiverStatus" NOT NULL DEFAULT 'ACTIVE',
    "boundAt" TIMESTAMPTZ(3) NOT NULL,
    "removedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SplitReceiver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Split" (
    "splitSerialNo" TEXT NOT NULL,
    "splitNo" TEXT NOT NULL,
    "serialNo" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "finish" BOOLEAN NOT NULL,
    "status" "SplitStatus" NOT NULL DEFAULT 'PROCESSING',
    "channelSplitNo" TEXT,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "nextQueryAt" TIMESTAMPTZ(3),
    "queryCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Split_pkey" PRIMARY KEY ("splitSerialNo")
);

-- CreateTable
CREATE TABLE "SplitLine" (
    "splitSerialNo" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "receiverId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "status" "SplitStatus" NOT NULL DEFAULT 'PROCESSING',
    "failReason" TEXT,
    "channelDetailId" TEXT,

    CONSTRAINT "SplitLine_pkey" PRIMARY KEY ("splitSerialNo","position")
);

-- CreateTable
CREATE TABLE "SandboxWechatReceiver" (
    "mchId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "name" TEXT,
    "relationType" TEXT NOT NULL,
    "customRelation" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxWechatReceiver_pkey" PRIMARY KEY ("mchId","type","account")
);

-- CreateTable
CREATE TABLE "SandboxWechatProfitSharingOrder" (
    "orderId" TEXT NOT NULL,
    "mchId" TEXT NOT NULL,
    "outOrderNo" TEXT NOT NULL,
    "prepayId" TEXT NOT NULL,
    "unfreeze" BOOLEAN NOT NULL,
    "receivers" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxWechatProfitSharingOrder_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE INDEX "SplitReceiver_paymentChannelId_status_idx" ON "SplitReceiver"("paymentChannelId", "status");

-- CreateIndex
CREATE INDEX "SplitReceiver_companyId_createdAt_idx" ON "SplitReceiver"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "Split_serialNo_idx" ON "Split"("serialNo");

-- CreateIndex
CREATE INDEX "Split_status_nextQueryAt_idx" ON "Split"("status", "nextQueryAt");

-- CreateIndex
CREATE UNIQUE INDEX "Split_appId_splitNo_key" ON "Split"("appId", "splitNo");

-- CreateIndex
CREATE INDEX "SplitLine_receiverId_idx" ON "SplitLine"("receiverId");

-- CreateIndex
CREATE INDEX "SandboxWechatProfitSharingOrder_prepayId_idx" ON "SandboxWechatProfitSharingOrder"("prepayId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxWechatProfitSharingOrder_mchId_outOrderNo_key" ON "SandboxWechatProfitSharingOrder"("mchId", "outOrderNo");

-- AddForeignKey
ALTER TABLE "SplitReceiver" ADD CONSTRAINT "SplitReceiver_paymentChannelId_fkey" FOREIGN KEY ("paymentChannelId") REFERENCES "PaymentChannel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Split" ADD CONSTRAINT "Split_serialNo_fkey" FOREIGN KEY ("serialNo") REFERENCES "Payment"("serialNo") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SplitLine" ADD CONSTRAINT "SplitLine_splitSerialNo_fkey" FOREIGN KEY ("splitSerialNo") REFERENCES "Split"("splitSerialNo") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SplitLine" ADD CONSTRAINT "SplitLine_receiverId_fkey" FOREIGN KEY ("receiverId") REFERENCES "SplitReceiver"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxWechatProfitSharingOrder" ADD CONSTRAINT "SandboxWechatProfitSharingOrder_prepayId_fkey" FOREIGN KEY ("prepayId") REFERENCES "SandboxWechatTrade"("prepayId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Money rules the database keeps under any concurrency (as for refunds).
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_split_amount_check" CHECK ("splitAmount" >= 0 AND "splitAmount" <= "amount");
ALTER TABLE "Split" ADD CONSTRAINT "Split_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "SplitLine" ADD CONSTRAINT "SplitLine_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "PaymentChannel" ADD CONSTRAINT "PaymentChannel_max_split_ratio_check" CHECK ("maxSplitRatioBps" >= 0 AND "maxSplitRatioBps" <= 10000);
ALTER TABLE "SandboxWechatTrade" ADD CONSTRAINT "SandboxWechatTrade_shared_check" CHECK ("sharedFen" >= 0 AND "sharedFen" <= "totalFen");
