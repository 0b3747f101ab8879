import { describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { purgeIdleLoginThrottles } from './login-throttle';

describe('purgeIdleLoginThrottles', () => {
  it('drops counters idle for a day, keeping recent ones and running blocks', async () => {
    const now = new Date();
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
    await db().loginThrottle.createMany({
      data: [
        { scope: 'ADDRESS', subject: '198.51.100.1', failures: 3, lastAttemptAt: hoursAgo(25) },
        { scope: 'ACCOUNT', subject: 'idle@example.com', failures: 12, blockedUntil: hoursAgo(24.9), lastAttemptAt: hoursAgo(25) },
        { scope: 'ADDRESS', subject: '198.51.100.2', failures: 3, lastAttemptAt: hoursAgo(23) },
        { scope: 'ADDRESS', subject: '198.51.100.3', failures: 40, blockedUntil: new Date(now.getTime() + 60_000), lastAttemptAt: hoursAgo(25) },
      ],
    });
    expect(await purgeIdleLoginThrottles({ now })).toEqual({ deleted: 2 });
    const left = await db().loginThrottle.findMany({ select: { subject: true }, orderBy: { subject: 'asc' } });
    expect(left.map((row) => row.subject)).toEqual(['198.51.100.2', '198.51.100.3']);
  });
});
