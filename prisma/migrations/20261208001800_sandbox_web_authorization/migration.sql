-- AlterTable
ALTER TABLE "SandboxAccount" ADD COLUMN     "appSecretSealed" TEXT;

-- CreateTable
CREATE TABLE "SandboxAuthCode" (
    "code" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "appId" TEXT NOT NULL,
    "payerId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxAuthCode_pkey" PRIMARY KEY ("code")
);
