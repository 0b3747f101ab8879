-- CreateEnum
CREATE TYPE "ChannelBillType" AS ENUM ('TRADE', 'FUND_FLOW');

-- CreateEnum
CREATE TYPE "ChannelBillStatus" AS ENUM ('DOWNLOADED', 'NOT_READY', 'FAILED');

-- CreateTable
CREATE TABLE "ChannelBill" (
    "id" TEXT NOT NULL,
    "paymentChannelId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "billDate" DATE NOT NULL,
    "billType" "ChannelBillType" NOT NULL,
    "status" "ChannelBillStatus" NOT NULL,
    "empty" BOOLEAN NOT NULL DEFAULT false,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "retryable" BOOLEAN NOT NULL DEFAULT false,
    "fileName" TEXT,
    "contentType" TEXT,
    "packing" TEXT,
    "declaredSha1" TEXT,
    "sha1" TEXT,
    "sizeBytes" INTEGER,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL,
    "downloadedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChannelBill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelBillFile" (
    "billId" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "ChannelBillFile_pkey" PRIMARY KEY ("billId")
);

-- CreateIndex
CREATE INDEX "ChannelBill_companyId_billDate_idx" ON "ChannelBill"("companyId", "billDate");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelBill_paymentChannelId_billDate_billType_key" ON "ChannelBill"("paymentChannelId", "billDate", "billType");

-- AddForeignKey
ALTER TABLE "ChannelBill" ADD CONSTRAINT "ChannelBill_paymentChannelId_fkey" FOREIGN KEY ("paymentChannelId") REFERENCES "PaymentChannel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelBillFile" ADD CONSTRAINT "ChannelBillFile_billId_fkey" FOREIGN KEY ("billId") REFERENCES "ChannelBill"("id") ON DELETE CASCADE ON UPDATE CASCADE;
