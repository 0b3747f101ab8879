// An app's default notify URL is refused when saved if it names the server's own network (no DNS:
// a host name is checked on every delivery), with INVALID_REQUEST naming defaultNotifyUrl.
import { describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { db } from '@/server/db/client';
import { toAppError } from '@/server/errors/app-error';
import { contextFor, makeUser } from '@/server/testing/fixtures';
import { publicTargetsOnly } from '@/server/testing/public-targets-only';

const REFUSED = ['http://127.0.0.1:8080/hook', 'http://169.254.169.254/latest', 'http://[64:ff9b::a9fe:a9fe]/', 'http://[2002:a00:1::]/', 'http://[::10.0.0.1]/', 'http://[fec0::1]/', 'http://198.18.0.1/', 'http://192.0.0.170/', 'http://localhost/hook'];

async function fieldsOf(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(() => null, (thrown: unknown) => thrown as { code: string; cause: unknown });
  expect(error?.code).toBe('BAD_REQUEST');
  const appError = toAppError(error!.cause);
  expect(appError.code).toBe('INVALID_REQUEST');
  return (appError.details as { fields: Record<string, string> }).fields;
}

describe('an app default notify URL, with public targets only (production)', () => {
  publicTargetsOnly();

  it('is refused on registration and on update when it names a non-public address, and nothing changes', async () => {
    const admin = createCaller(contextFor((await makeUser('PLATFORM_ADMIN', null)).user));
    const { app } = await admin.apps.register({ name: '缴费系统', defaultNotifyUrl: 'https://fee.example.com/hooks' });
    for (const defaultNotifyUrl of REFUSED) {
      expect(await fieldsOf(admin.apps.register({ name: '探测', defaultNotifyUrl })), defaultNotifyUrl).toEqual({ defaultNotifyUrl: expect.stringMatching(/^must not point at the server's own network: .*non-public address/) });
      expect(await fieldsOf(admin.apps.update({ appId: app.id, name: '缴费系统', defaultNotifyUrl })), defaultNotifyUrl).toHaveProperty('defaultNotifyUrl');
    }
    expect(await db().app.count({ where: { name: '探测' } })).toBe(0);
    expect(await db().app.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ defaultNotifyUrl: 'https://fee.example.com/hooks' });
  });
});
