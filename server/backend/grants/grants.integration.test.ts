import { describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { registerApp } from '@/server/backend/apps/register-app';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { grantMerchant, revokeGrant } from './grant-merchant';
import { listGrants } from './list-grants';

describe('grants', () => {
  it('grants, revokes and re-grants a merchant to an app, idempotently and audited', async () => {
    const admin = await platformAdmin();
    const company = await makeCompany(admin);
    const companyAdmin = await makeUser('COMPANY_ADMIN', company.id);
    const merchant = await createMerchant({ actor: companyAdmin, input: { name: '东区', description: null } });
    const { app } = await registerApp({ actor: admin, input: { name: 'Fees', description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
    const input = { appId: app.id, merchantId: merchant.id };

    const first = await grantMerchant({ actor: companyAdmin, input });
    const again = await grantMerchant({ actor: companyAdmin, input });
    expect(again.id).toBe(first.id);
    await revokeGrant({ actor: companyAdmin, input });
    const listed = await listGrants({ actor: companyAdmin, input: { page: 1, pageSize: 20, sortBy: 'createdAt', sortDir: 'desc', includeRevoked: false } });
    expect(listed.total).toBe(0);
    const regranted = await grantMerchant({ actor: companyAdmin, input });
    expect(regranted.id).toBe(first.id);
    expect(regranted.revokedAt).toBeNull();
    const actions = (await db().auditLog.findMany({ where: { targetType: 'AppGrant' }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['grant.create', 'grant.revoke', 'grant.create']);
  });

  it('refuses another company’s merchant and a disabled app', async () => {
    const admin = await platformAdmin();
    const mine = await makeCompany(admin);
    const theirs = await makeCompany(admin);
    const myAdmin = await makeUser('COMPANY_ADMIN', mine.id);
    const theirAdmin = await makeUser('COMPANY_ADMIN', theirs.id);
    const theirMerchant = await createMerchant({ actor: theirAdmin, input: { name: '西区', description: null } });
    const myMerchant = await createMerchant({ actor: myAdmin, input: { name: '北区', description: null } });
    const { app } = await registerApp({ actor: admin, input: { name: 'O2O', description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
    await expect(grantMerchant({ actor: myAdmin, input: { appId: app.id, merchantId: theirMerchant.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await db().app.update({ where: { id: app.id }, data: { status: 'DISABLED' } });
    const error = await grantMerchant({ actor: myAdmin, input: { appId: app.id, merchantId: myMerchant.id } }).catch((e: AppError) => e);
    expect((error as AppError).details).toEqual({ fields: { appId: 'no such active app' } });
    expect(await db().appGrant.count({ where: { appId: app.id } })).toBe(0);
  });
});
