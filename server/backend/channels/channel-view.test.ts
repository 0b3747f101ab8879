import { describe, expect, it } from 'vitest';
import type { TrustedCertificate } from '@/server/db/generated/client';
import { trustedView } from './channel-view';

const now = new Date('2026-11-24T00:00:00Z');
const day = 24 * 3600 * 1000;
const row = (validTo: Date | null): TrustedCertificate => ({
  id: 'crt_1',
  paymentChannelId: 'pay_1',
  companyId: 'co_1',
  kind: 'CERTIFICATE',
  serial: '1A2B',
  subject: 'CN=Tenpay.com Root CA',
  issuer: null,
  validFrom: null,
  validTo,
  pem: '-----BEGIN CERTIFICATE-----',
  fingerprint: 'ab',
  source: 'MANUAL',
  createdAt: now,
  revokedAt: null,
});

describe('trusted certificate view', () => {
  it('flags certificates expiring within 30 days, and expired ones apart', () => {
    expect(trustedView(row(new Date(now.getTime() + 29 * day)), now)).toMatchObject({ expiringSoon: true, expired: false });
    expect(trustedView(row(new Date(now.getTime() + 30 * day)), now)).toMatchObject({ expiringSoon: true, expired: false });
    expect(trustedView(row(new Date(now.getTime() + 31 * day)), now)).toMatchObject({ expiringSoon: false, expired: false });
    expect(trustedView(row(new Date(now.getTime() - 1)), now)).toMatchObject({ expiringSoon: false, expired: true });
    expect(trustedView(row(null), now)).toMatchObject({ expiringSoon: false, expired: false });
  });

  it('never carries the PEM to the dashboard list', () => {
    expect(trustedView(row(null), now)).not.toHaveProperty('pem');
  });
});
