// Builders for integration tests: real rows made through the real services.
import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import type { Context } from '@/server/api/context';
import type { SessionUser } from '@/server/auth/current-user';
import { hashPassword } from '@/server/auth/password';
import { db } from '@/server/db/client';
import type { Role } from '@/server/db/generated/client';
import { newId } from '@/server/lib/ids';
import type { Actor } from '@/server/backend/audit/record-audit';
import { createCompany } from '@/server/backend/companies/create-company';

export async function makeUser(role: Role, companyId: string | null, email = `${role.toLowerCase()}-${newId('usr').slice(4)}@example.com`.toLowerCase()): Promise<Actor & { user: SessionUser }> {
  const id = newId('usr');
  await db().user.create({ data: { id, email, name: role, role, companyId, passwordHash: await hashPassword('correct horse battery') } });
  return { userId: id, email, role, companyId, user: { id, email, name: role, role, companyId } };
}

export async function platformAdmin() {
  return makeUser('PLATFORM_ADMIN', null);
}

export async function makeCompany(actor: Actor, name = `物业 ${newId('co').slice(3, 9)}`) {
  return createCompany({ actor, input: { name, contactName: null, contactPhone: null } });
}

export function contextFor(user: SessionUser | null): Context {
  return { user, request: { requestId: 'test', ip: '198.51.100.7', userAgent: 'vitest' }, log: pino({ level: 'silent' }) };
}

/** A well-formed live Alipay configuration in public-key mode, with fresh keys. */
export function liveAlipayCredentials() {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    appId: '2021004100000001',
    signMode: 'PUBLIC_KEY',
    privateKey: app.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    alipayPublicKey: alipay.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
