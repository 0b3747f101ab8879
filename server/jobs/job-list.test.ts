import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { periodSeconds } from './job';
import { jobs } from './job-list';

describe('the job list', () => {
  it('has one entry per id, with ids Inngest accepts', () => {
    const ids = jobs.map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it('polls due work every few seconds, on a whole division of the minute so every instance polls in step', () => {
    for (const job of jobs) {
      if (!('due' in job.trigger)) continue;
      const { pollSeconds } = job.trigger.due;
      expect(pollSeconds).toBeLessThanOrEqual(10);
      expect(60 % pollSeconds).toBe(0);
    }
  });

  it('schedules cron jobs with five fields, as Inngest reads them', () => {
    for (const job of jobs) {
      if (!('cron' in job.trigger)) continue;
      expect(job.trigger.cron.split(' ')).toHaveLength(5);
      expect(new Cron(job.trigger.cron).nextRun()).toBeInstanceOf(Date);
    }
  });

  it('has the simulators’ retries only in sandbox mode', () => {
    expect(jobs.filter((job) => job.sandboxOnly).map((job) => job.id)).toEqual([
      'sandbox-alipay-notifications-retry',
      'sandbox-easypay-notifications-retry',
      'sandbox-wechatpay-notifications-retry',
    ]);
  });
});

describe('periodSeconds', () => {
  it('is a minute for due work (the Inngest sweep) and the longest gap of a cron schedule', () => {
    expect(periodSeconds({ due: { pollSeconds: 5 } })).toBe(60);
    expect(periodSeconds({ cron: '*/5 * * * *' })).toBe(300);
    expect(periodSeconds({ cron: '17 3 * * *' })).toBe(86_400);
    expect(periodSeconds({ cron: '0 9 * * 1-5' })).toBe(3 * 86_400);
  });
});
