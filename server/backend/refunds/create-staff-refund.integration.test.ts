// Staff refunds from the dashboard: the real Alipay plugin against the simulator over HTTP, real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import type { AppError } from '@/server/errors/app-error';
import { makeUser } from '@/server/testing/fixtures';
import type { PaymentsTenant } from '@/server/testing/payments-api';
import { alipayTenant, channelSimulators, paidAlipayPayment, type ChannelSimulators } from '@/server/testing/paid-payment';
import { createStaffRefund } from './create-staff-refund';

let simulators: ChannelSimulators;
let tenant: PaymentsTenant;

beforeAll(async () => {
  simulators = await channelSimulators();
  tenant = await alipayTenant();
});
afterAll(() => simulators?.close());

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (error: unknown) => error as AppError);
const reload = (serialNo: string) => db().payment.findUniqueOrThrow({ where: { serialNo } });

describe('refund by staff', () => {
  it('is audited with the refund, and refused to another company’s staff and to auditors', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const staff = await makeUser('COMPANY_STAFF', tenant.companyId);
    const request = { ip: '198.51.100.7', userAgent: 'vitest', requestId: 'req-1' };
    const result = await createStaffRefund({ actor: staff, serialNo: payment.serialNo, amount: 250, reason: '业主退租', request });
    expect(result.refund).toMatchObject({ status: 'SUCCEEDED', initiator: 'STAFF', actorUserId: staff.userId, refundNo: `STAFF-${result.refund.refundSerialNo}`, appId: tenant.app.id });
    const audit = await db().auditLog.findMany({ where: { action: 'payment.refund', targetId: payment.serialNo } });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: staff.userId, companyId: tenant.companyId, targetType: 'Payment', ip: '198.51.100.7', requestId: 'req-1' }),
    ]);
    expect(audit[0]!.summary).toMatchObject({ refundSerialNo: result.refund.refundSerialNo, amount: 250, reason: '业主退租' });

    const stranger = await makeUser('COMPANY_ADMIN', (await alipayTenant()).companyId);
    expect(await failure(createStaffRefund({ actor: stranger, serialNo: payment.serialNo, amount: 100 }))).toMatchObject({ code: 'NOT_FOUND' });
    const auditor = await makeUser('AUDITOR', tenant.companyId);
    expect(await failure(createStaffRefund({ actor: auditor, serialNo: payment.serialNo, amount: 100 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await reload(payment.serialNo)).toMatchObject({ refundedAmount: 250, refundReservedAmount: 250 });
    expect(await db().auditLog.count({ where: { action: 'payment.refund' } })).toBe(1);
  });
});
