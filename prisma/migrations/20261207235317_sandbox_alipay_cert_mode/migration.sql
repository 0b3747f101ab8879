-- CreateEnum
CREATE TYPE "SandboxAlipayCertificateKind" AS ENUM ('ROOT', 'INTERMEDIATE', 'ALIPAY');

-- AlterTable
ALTER TABLE "SandboxAccount" ADD COLUMN     "appCertSn" TEXT;

-- CreateTable
CREATE TABLE "SandboxAlipayCertificate" (
    "sn" TEXT NOT NULL,
    "kind" "SandboxAlipayCertificateKind" NOT NULL,
    "pem" TEXT NOT NULL,
    "privateSealed" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxAlipayCertificate_pkey" PRIMARY KEY ("sn")
);

-- CreateIndex
CREATE INDEX "SandboxAlipayCertificate_kind_createdAt_idx" ON "SandboxAlipayCertificate"("kind", "createdAt");
