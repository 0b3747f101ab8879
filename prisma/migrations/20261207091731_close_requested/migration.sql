-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "closeRequestedAt" TIMESTAMPTZ(3);
