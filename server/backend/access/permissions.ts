import type { Role } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import type { Actor } from '@/server/backend/audit/record-audit';

/**
 * What each role may do. Platform admins manage everything; company admins manage their own
 * company's staff, merchants, channels and grants; company staff operate (view, refund) in their
 * company; auditors only read. Scoping to the company happens in `companyFilter` below.
 */
const PERMISSIONS = {
  'company.manage': ['PLATFORM_ADMIN'],
  'company.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'],
  'user.manage': ['PLATFORM_ADMIN', 'COMPANY_ADMIN'],
  'user.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'AUDITOR'],
  'merchant.manage': ['PLATFORM_ADMIN', 'COMPANY_ADMIN'],
  'merchant.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'],
  'app.manage': ['PLATFORM_ADMIN'],
  'alertRule.manage': ['PLATFORM_ADMIN'],
  'app.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'],
  'grant.manage': ['PLATFORM_ADMIN', 'COMPANY_ADMIN'],
  'audit.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'AUDITOR'],
  'payment.refund': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF'],
  // Finishing a payment's splitting releases held money to the merchant: who may refund may finish.
  'payment.finishSplits': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF'],
  'payment.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'],
  'webhook.resend': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF'],
  'dingtalk.manage': ['PLATFORM_ADMIN', 'COMPANY_ADMIN'],
  'dingtalk.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'AUDITOR'],
  'reconciliation.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'],
  'reconciliation.manage': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF'],
  'alert.read': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF', 'AUDITOR'],
  'alert.handle': ['PLATFORM_ADMIN', 'COMPANY_ADMIN', 'COMPANY_STAFF'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

/**
 * The `where` fragment that limits a query to what the actor may see: nothing extra for platform
 * admins, their own company for everyone else. Company users can never widen it through input.
 */
export function companyFilter(actor: Actor): { companyId?: string } {
  if (actor.role === 'PLATFORM_ADMIN') return {};
  if (!actor.companyId) throw new AppError('FORBIDDEN');
  return { companyId: actor.companyId };
}

/** Whether a row of `companyId` is within the actor's reach; rows outside it are reported as not found. */
export function assertInScope(actor: Actor, companyId: string): void {
  if (actor.role !== 'PLATFORM_ADMIN' && actor.companyId !== companyId) throw new AppError('NOT_FOUND');
}
