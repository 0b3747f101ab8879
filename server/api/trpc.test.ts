import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/server/errors/app-error';
import type { SessionUser } from '@/server/auth/current-user';
import type { Context } from './context';
import { authedProcedure, companyProcedure, createTRPCRouter, platformAdminProcedure, publicProcedure, requireRole } from './trpc';

const router = createTRPCRouter({
  open: publicProcedure.query(() => 'ok'),
  mine: authedProcedure.query(({ ctx }) => ctx.user.id),
  platform: platformAdminProcedure.query(() => 'platform'),
  company: companyProcedure.query(({ ctx }) => ctx.companyId),
  companyAdmin: companyProcedure.use(requireRole('COMPANY_ADMIN')).mutation(() => 'changed'),
  validate: publicProcedure.input(z.object({ amount: z.number().int().positive(), name: z.string().min(1) })).mutation(() => 'valid'),
  conflict: publicProcedure.mutation(() => {
    throw new AppError('ORDER_CONFLICT', undefined, { orderNo: 'A-1' });
  }),
  crash: publicProcedure.query(() => {
    throw new Error('connect ECONNREFUSED postgres://paycenter:hunter2@10.0.0.1/db');
  }),
});

const users: Record<string, SessionUser | null> = {
  anonymous: null,
  platform: { id: 'usr_p', email: 'p@x', name: 'P', role: 'PLATFORM_ADMIN', companyId: null },
  companyAdmin: { id: 'usr_a', email: 'a@x', name: 'A', role: 'COMPANY_ADMIN', companyId: 'co_A' },
  staff: { id: 'usr_s', email: 's@x', name: 'S', role: 'COMPANY_STAFF', companyId: 'co_A' },
  auditor: { id: 'usr_u', email: 'u@x', name: 'U', role: 'AUDITOR', companyId: 'co_A' },
};

function context(user: SessionUser | null): Context {
  return { user, request: { requestId: 'req-test' }, log: pino({ level: 'silent' }) };
}

async function call(user: SessionUser | null, path: string, input?: unknown, method: 'GET' | 'POST' = 'GET') {
  const url = new URL(`http://localhost/api/trpc/${path}`);
  if (method === 'GET' && input !== undefined) url.searchParams.set('input', JSON.stringify({ json: input }));
  const req = new Request(url, method === 'POST' ? { method, body: JSON.stringify({ json: input }), headers: { 'content-type': 'application/json' } } : {});
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router, createContext: () => context(user) });
  return { status: res.status, body: (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string; data: Record<string, unknown> } } } };
}

describe('procedure tiers', () => {
  const expectations: Array<[string, keyof typeof users, number]> = [
    ['open', 'anonymous', 200],
    ['mine', 'anonymous', 401],
    ['mine', 'auditor', 200],
    ['platform', 'companyAdmin', 403],
    ['platform', 'platform', 200],
    ['company', 'platform', 403],
    ['company', 'staff', 200],
  ];
  it.each(expectations)('%s as %s → %i', async (path, who, status) => {
    expect((await call(users[who]!, path)).status).toBe(status);
  });

  it('takes the company from the session', async () => {
    expect((await call(users.staff!, 'company')).body.result?.data.json).toBe('co_A');
  });

  it('lets only the named roles through requireRole', async () => {
    expect((await call(users.companyAdmin!, 'companyAdmin', undefined, 'POST')).status).toBe(200);
    expect((await call(users.staff!, 'companyAdmin', undefined, 'POST')).status).toBe(403);
    expect((await call(users.auditor!, 'companyAdmin', undefined, 'POST')).status).toBe(403);
  });
});

describe('error formatter', () => {
  it('names each invalid field', async () => {
    const { status, body } = await call(null, 'validate', { amount: 1.5, name: '' }, 'POST');
    expect(status).toBe(400);
    expect(body.error?.json.data.appCode).toBe('INVALID_REQUEST');
    expect(Object.keys((body.error?.json.data.details as { fields: object }).fields).sort()).toEqual(['amount', 'name']);
  });

  it('maps AppError codes through the shared table', async () => {
    const { status, body } = await call(null, 'conflict', undefined, 'POST');
    expect(status).toBe(409);
    expect(body.error?.json.data).toMatchObject({ appCode: 'ORDER_CONFLICT', details: { orderNo: 'A-1' } });
  });

  it('never leaks internals of unexpected errors', async () => {
    const { status, body } = await call(null, 'crash');
    expect(status).toBe(500);
    expect(body.error?.json.data.appCode).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.1|stack/);
  });
});

describe('control characters in input', () => {
  it('are refused naming the field before validation, line breaks in values kept', async () => {
    const refused = await call(null, 'validate', { amount: 1, name: 'a\u0000b' }, 'POST');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.json.data).toMatchObject({ appCode: 'INVALID_REQUEST', details: { fields: { name: 'must not contain control characters' } } });
    expect((await call(null, 'validate', { amount: 1, name: 'a\nb' }, 'POST')).status).toBe(200);
  });
});
