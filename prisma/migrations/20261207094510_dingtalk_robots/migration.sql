-- CreateEnum
CREATE TYPE "DingtalkMessageStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'MERGED');

-- CreateTable
CREATE TABLE "DingtalkRobot" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "webhookUrl" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "secretHint" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DingtalkRobot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DingtalkMessage" (
    "id" TEXT NOT NULL,
    "robotId" TEXT,
    "companyId" TEXT,
    "alertKind" "AlertKind",
    "subject" TEXT,
    "alertCount" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "DingtalkMessageStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3),
    "errcode" INTEGER,
    "errmsg" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DingtalkMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxDingtalkRobot" (
    "accessToken" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxDingtalkRobot_pkey" PRIMARY KEY ("accessToken")
);

-- CreateTable
CREATE TABLE "SandboxDingtalkMessage" (
    "id" TEXT NOT NULL,
    "accessToken" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxDingtalkMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DingtalkRobot_companyId_idx" ON "DingtalkRobot"("companyId");

-- CreateIndex
CREATE INDEX "DingtalkMessage_status_nextAttemptAt_idx" ON "DingtalkMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "DingtalkMessage_robotId_sentAt_idx" ON "DingtalkMessage"("robotId", "sentAt");

-- CreateIndex
CREATE INDEX "DingtalkMessage_alertKind_subject_createdAt_idx" ON "DingtalkMessage"("alertKind", "subject", "createdAt");

-- CreateIndex
CREATE INDEX "SandboxDingtalkMessage_accessToken_receivedAt_idx" ON "SandboxDingtalkMessage"("accessToken", "receivedAt");

-- AddForeignKey
ALTER TABLE "DingtalkRobot" ADD CONSTRAINT "DingtalkRobot_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "PropertyCompany"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxDingtalkMessage" ADD CONSTRAINT "SandboxDingtalkMessage_accessToken_fkey" FOREIGN KEY ("accessToken") REFERENCES "SandboxDingtalkRobot"("accessToken") ON DELETE RESTRICT ON UPDATE CASCADE;
