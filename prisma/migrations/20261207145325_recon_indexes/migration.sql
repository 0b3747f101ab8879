-- CreateIndex
CREATE INDEX "Payment_paymentChannelId_paidAt_idx" ON "Payment"("paymentChannelId", "paidAt");

-- CreateIndex
CREATE INDEX "Refund_succeededAt_idx" ON "Refund"("succeededAt");
