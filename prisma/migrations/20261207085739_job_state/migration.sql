-- CreateTable
CREATE TABLE "JobState" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastRunAt" TIMESTAMPTZ(3),
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),

    CONSTRAINT "JobState_pkey" PRIMARY KEY ("id")
);
