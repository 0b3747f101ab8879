-- CreateIndex
CREATE INDEX "Payment_appId_merchantId_paidAt_serialNo_idx" ON "Payment"("appId", "merchantId", "paidAt", "serialNo");

-- CreateIndex
CREATE INDEX "Refund_appId_merchantId_succeededAt_refundSerialNo_idx" ON "Refund"("appId", "merchantId", "succeededAt", "refundSerialNo");
