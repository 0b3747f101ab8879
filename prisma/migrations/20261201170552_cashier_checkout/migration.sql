-- AlterTable
ALTER TABLE "App" ADD COLUMN     "returnOrigins" TEXT[];

-- AlterTable
ALTER TABLE "Payment" ALTER COLUMN "paymentChannelId" DROP NOT NULL,
ALTER COLUMN "channel" DROP NOT NULL;
