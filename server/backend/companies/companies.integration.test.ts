import { describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { makeUser, platformAdmin } from '@/server/testing/fixtures';
import { createCompany } from './create-company';
import { setCompanyStatus } from './set-company-status';
import { updateCompany } from './update-company';

describe('property companies', () => {
  it('creates, edits and suspends a company, keeping everything it owns, with an audit trail', async () => {
    const admin = await platformAdmin();
    const company = await createCompany({ actor: admin, input: { name: '万家物业', contactName: '李经理', contactPhone: '0571-88888888' } });
    const companyAdmin = await makeUser('COMPANY_ADMIN', company.id);
    const merchant = await createMerchant({ actor: companyAdmin, input: { name: '一期', description: null } });
    await activateChannel({ actor: companyAdmin, input: { merchantId: merchant.id, channel: 'WECHATPAY', mode: 'SANDBOX', invokeMethods: ['QR'] } });

    await updateCompany({ actor: admin, input: { companyId: company.id, name: '万家物业服务', contactName: null, contactPhone: null } });
    const suspended = await setCompanyStatus({ actor: admin, input: { companyId: company.id, status: 'SUSPENDED' } });
    expect(suspended.status).toBe('SUSPENDED');
    expect(await db().merchant.count({ where: { companyId: company.id } })).toBe(1);
    expect(await db().paymentChannel.count({ where: { companyId: company.id, status: 'ENABLED' } })).toBe(1);
    expect(await db().user.count({ where: { companyId: company.id, disabled: false } })).toBe(1);

    const actions = (await db().auditLog.findMany({ where: { companyId: company.id }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['company.create', 'merchant.create', 'channel.activate', 'company.update', 'company.suspend']);
    const update = await db().auditLog.findFirstOrThrow({ where: { companyId: company.id, action: 'company.update' } });
    expect(update.summary).toMatchObject({ before: { name: '万家物业' }, after: { name: '万家物业服务' } });
    expect(update.actorEmail).toBe(admin.email);
  });

  it('records one suspension when several race: the update is conditional on the status read', async () => {
    const admin = await platformAdmin();
    const company = await createCompany({ actor: admin, input: { name: 'Race Co', contactName: null, contactPhone: null } });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => setCompanyStatus({ actor: admin, input: { companyId: company.id, status: 'SUSPENDED' } })),
    );
    expect(results.map((c) => c.status)).toEqual(Array(5).fill('SUSPENDED'));
    expect(await db().auditLog.count({ where: { companyId: company.id, action: 'company.suspend' } })).toBe(1);
  });

  it('is managed by platform admins only', async () => {
    const admin = await platformAdmin();
    const company = await createCompany({ actor: admin, input: { name: 'Own Co', contactName: null, contactPhone: null } });
    const companyAdmin = await makeUser('COMPANY_ADMIN', company.id);
    const attempt = setCompanyStatus({ actor: companyAdmin, input: { companyId: company.id, status: 'SUSPENDED' } });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    expect((await db().propertyCompany.findUniqueOrThrow({ where: { id: company.id } })).status).toBe('ACTIVE');
  });
});
