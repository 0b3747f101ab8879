import { describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { platformAdmin } from '@/server/testing/fixtures';
import { openAppSecret } from '@/server/security/app-secret';
import { registerApp } from './register-app';
import { revokeAppSecret, rotateAppSecret } from './rotate-app-secret';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : 'other'));

describe('app secrets', () => {
  it('registers an app whose secret is sealed and shown once', async () => {
    const admin = await platformAdmin();
    const { app, secret } = await registerApp({ actor: admin, input: { name: '收费系统', description: null, defaultNotifyUrl: 'https://fee.example.com/hooks', ipAllowlist: ['203.0.113.0/24'] } });
    expect(app.id).toMatch(/^app_/);
    expect(secret).toMatch(/^pcs_[0-9A-Za-z]{40}$/);
    const row = await db().appSecret.findFirstOrThrow({ where: { appId: app.id } });
    expect(row.sealed).not.toContain(secret);
    expect(row.hint).toBe(secret.slice(0, 8));
    expect(openAppSecret(row)).toBe(secret);
  });

  it('rotates with an overlap of two secrets and never more, then revokes the old one', async () => {
    const admin = await platformAdmin();
    const { app, secret: first } = await registerApp({ actor: admin, input: { name: 'O2O', description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
    const second = await rotateAppSecret({ actor: admin, input: { appId: app.id } });
    const active = await db().appSecret.findMany({ where: { appId: app.id, revokedAt: null } });
    expect(active.map(openAppSecret).sort()).toEqual([first, second.secret].sort());
    expect(await codeOf(rotateAppSecret({ actor: admin, input: { appId: app.id } }))).toBe('CONFLICT');

    const old = active.find((row) => openAppSecret(row) === first)!;
    await revokeAppSecret({ actor: admin, input: { appId: app.id, secretId: old.id } });
    const left = await db().appSecret.findMany({ where: { appId: app.id, revokedAt: null } });
    expect(left.map(openAppSecret)).toEqual([second.secret]);
    expect(await codeOf(revokeAppSecret({ actor: admin, input: { appId: app.id, secretId: second.secretId } }))).toBe('CONFLICT');
    expect(await db().auditLog.count({ where: { targetId: app.id, action: { in: ['app.rotate-secret', 'app.revoke-secret'] } } })).toBe(2);
  });

  it('keeps at most two active secrets under 10 concurrent rotations', async () => {
    const admin = await platformAdmin();
    const { app } = await registerApp({ actor: admin, input: { name: 'Procurement', description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
    const results = await Promise.all(Array.from({ length: 10 }, () => codeOf(rotateAppSecret({ actor: admin, input: { appId: app.id } }))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(9);
    expect(await db().appSecret.count({ where: { appId: app.id, revokedAt: null } })).toBe(2);
  });
});
