-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "lastRejectedQueryAt" TIMESTAMPTZ(3);
