-- AlterTable
ALTER TABLE "ChannelNotification" ADD COLUMN     "contentStored" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "RejectedCallbackWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RejectedCallbackWindow_pkey" PRIMARY KEY ("key")
);
