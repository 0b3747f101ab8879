-- AlterTable
ALTER TABLE "SandboxWechatReceiver" ADD COLUMN     "accountAbnormal" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SplitLine" ADD COLUMN     "returnedAmount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SplitReturn" (
    "returnSerialNo" TEXT NOT NULL,
    "refundSerialNo" TEXT NOT NULL,
    "splitSerialNo" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "SplitStatus" NOT NULL DEFAULT 'PROCESSING',
    "channelReturnNo" TEXT,
    "failReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SplitReturn_pkey" PRIMARY KEY ("returnSerialNo")
);

-- CreateTable
CREATE TABLE "SandboxWechatReturnOrder" (
    "returnId" TEXT NOT NULL,
    "mchId" TEXT NOT NULL,
    "outReturnNo" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "returnMchId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "failReason" TEXT,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SandboxWechatReturnOrder_pkey" PRIMARY KEY ("returnId")
);

-- CreateIndex
CREATE INDEX "SplitReturn_splitSerialNo_position_idx" ON "SplitReturn"("splitSerialNo", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SplitReturn_refundSerialNo_sequence_key" ON "SplitReturn"("refundSerialNo", "sequence");

-- CreateIndex
CREATE INDEX "SandboxWechatReturnOrder_orderId_idx" ON "SandboxWechatReturnOrder"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxWechatReturnOrder_mchId_outReturnNo_key" ON "SandboxWechatReturnOrder"("mchId", "outReturnNo");

-- AddForeignKey
ALTER TABLE "SplitReturn" ADD CONSTRAINT "SplitReturn_refundSerialNo_fkey" FOREIGN KEY ("refundSerialNo") REFERENCES "Refund"("refundSerialNo") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SplitReturn" ADD CONSTRAINT "SplitReturn_splitSerialNo_position_fkey" FOREIGN KEY ("splitSerialNo", "position") REFERENCES "SplitLine"("splitSerialNo", "position") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxWechatReturnOrder" ADD CONSTRAINT "SandboxWechatReturnOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SandboxWechatProfitSharingOrder"("orderId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Money rules the database keeps under any concurrency (Prisma cannot declare CHECKs).
-- What receivers still hold of a payment plus what refunds reserve never passes what was paid: a
-- refund larger than the rest takes the difference back from receivers in the same UPDATE.
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_split_and_refunds_check" CHECK ("splitAmount" + "refundReservedAmount" <= "amount");
ALTER TABLE "SplitLine" ADD CONSTRAINT "SplitLine_returned_check" CHECK ("returnedAmount" >= 0 AND "returnedAmount" <= "amount");
ALTER TABLE "SplitReturn" ADD CONSTRAINT "SplitReturn_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "SandboxWechatReturnOrder" ADD CONSTRAINT "SandboxWechatReturnOrder_amount_positive" CHECK ("amountFen" > 0);
