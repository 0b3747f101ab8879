-- AlterTable
ALTER TABLE "ReconciliationDiscrepancy" ADD COLUMN     "reason" TEXT,
ADD COLUMN     "reasonParams" JSONB,
ALTER COLUMN "detail" DROP NOT NULL;
