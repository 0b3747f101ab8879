-- AlterTable
ALTER TABLE "SandboxAccount" ADD COLUMN     "appSecretSealed" TEXT;

-- CreateTable
CREATE TABLE "SandboxWechatAuthCode" (
    "code" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "openId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxWechatAuthCode_pkey" PRIMARY KEY ("code")
);
