-- CreateEnum
CREATE TYPE "MerchantStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ALIPAY', 'WECHATPAY', 'EASYPAY');

-- CreateEnum
CREATE TYPE "ChannelMode" AS ENUM ('LIVE', 'SANDBOX');

-- CreateEnum
CREATE TYPE "InvokeMethod" AS ENUM ('PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR', 'CASHIER');

-- CreateEnum
CREATE TYPE "ChannelStatus" AS ENUM ('ENABLED', 'DISABLED');

-- CreateEnum
CREATE TYPE "AppStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "TrustedKind" AS ENUM ('CERTIFICATE', 'PUBLIC_KEY');

-- CreateEnum
CREATE TYPE "TrustedSource" AS ENUM ('ACTIVATION', 'MANUAL', 'DOWNLOADED');

-- AlterTable
ALTER TABLE "PropertyCompany" ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT;

-- CreateTable
CREATE TABLE "Merchant" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "MerchantStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Merchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentChannel" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "mode" "ChannelMode" NOT NULL,
    "invokeMethods" "InvokeMethod"[],
    "status" "ChannelStatus" NOT NULL DEFAULT 'ENABLED',
    "publicConfig" JSONB NOT NULL,
    "credentialsSealed" TEXT NOT NULL,
    "credentialsUpdatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaymentChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrustedCertificate" (
    "id" TEXT NOT NULL,
    "paymentChannelId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "kind" "TrustedKind" NOT NULL,
    "serial" TEXT NOT NULL,
    "subject" TEXT,
    "issuer" TEXT,
    "validFrom" TIMESTAMPTZ(3),
    "validTo" TIMESTAMPTZ(3),
    "pem" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "source" "TrustedSource" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TrustedCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "App" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "defaultNotifyUrl" TEXT,
    "ipAllowlist" TEXT[],
    "status" "AppStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "App_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSecret" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AppSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppGrant" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AppGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxIdentity" (
    "channel" "Channel" NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "publicKeyId" TEXT NOT NULL,
    "privateSealed" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxIdentity_pkey" PRIMARY KEY ("channel")
);

-- CreateTable
CREATE TABLE "SandboxAccount" (
    "paymentChannelId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "accountId" TEXT NOT NULL,
    "appId" TEXT,
    "merchantPublicKeyPem" TEXT,
    "merchantSerial" TEXT,
    "sharedSealed" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxAccount_pkey" PRIMARY KEY ("paymentChannelId")
);

-- CreateIndex
CREATE INDEX "Merchant_companyId_createdAt_idx" ON "Merchant"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentChannel_merchantId_idx" ON "PaymentChannel"("merchantId");

-- CreateIndex
CREATE INDEX "PaymentChannel_companyId_createdAt_idx" ON "PaymentChannel"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "TrustedCertificate_paymentChannelId_serial_idx" ON "TrustedCertificate"("paymentChannelId", "serial");

-- CreateIndex
CREATE INDEX "TrustedCertificate_companyId_idx" ON "TrustedCertificate"("companyId");

-- CreateIndex
CREATE INDEX "AppSecret_appId_idx" ON "AppSecret"("appId");

-- CreateIndex
CREATE INDEX "AppGrant_companyId_idx" ON "AppGrant"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "AppGrant_appId_merchantId_key" ON "AppGrant"("appId", "merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxAccount_channel_accountId_key" ON "SandboxAccount"("channel", "accountId");

-- AddForeignKey
ALTER TABLE "Merchant" ADD CONSTRAINT "Merchant_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "PropertyCompany"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentChannel" ADD CONSTRAINT "PaymentChannel_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrustedCertificate" ADD CONSTRAINT "TrustedCertificate_paymentChannelId_fkey" FOREIGN KEY ("paymentChannelId") REFERENCES "PaymentChannel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppSecret" ADD CONSTRAINT "AppSecret_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppGrant" ADD CONSTRAINT "AppGrant_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppGrant" ADD CONSTRAINT "AppGrant_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
