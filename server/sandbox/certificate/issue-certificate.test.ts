import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCertificateFields } from '@/server/gateway/credentials/der';
import { objectIdentifier, time, unsignedInteger } from './der-encoder';
import { buildSelfSignedCertificate, issueCertificate } from './issue-certificate';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('DER encoder', () => {
  it('encodes object identifiers with multi-byte arcs', () => {
    // sha256WithRSAEncryption, as every certificate writes it.
    expect(objectIdentifier('1.2.840.113549.1.1.11').toString('hex')).toBe('06092a864886f70d01010b');
  });

  it('encodes integers as unsigned, minimal and positive', () => {
    expect(unsignedInteger(Buffer.from('0000ff', 'hex')).toString('hex')).toBe('020200ff');
    expect(unsignedInteger(Buffer.from('7f', 'hex')).toString('hex')).toBe('02017f');
  });

  it('writes UTCTime before 2050 and GeneralizedTime after', () => {
    expect(time(new Date('2031-12-01T08:09:10Z')).toString('ascii').slice(2)).toBe('311201080910Z');
    expect(time(new Date('2050-01-01T00:00:00Z')).toString('ascii').slice(2)).toBe('20500101000000Z');
  });
});

describe('buildSelfSignedCertificate', () => {
  const serialHex = `5${randomBytes(20).toString('hex').toUpperCase().slice(1)}`;
  const notBefore = new Date('2026-12-01T00:00:00Z');
  const notAfter = new Date('2031-12-01T00:00:00Z');
  const certificate = buildSelfSignedCertificate({
    privateKeyPem,
    serialHex,
    issuer: [['C', 'CN'], ['O', 'PayCenter Sandbox'], ['CN', 'PayCenter Sandbox Root CA']],
    subject: [['C', 'CN'], ['ST', '广东省'], ['O', '沙箱支付科技有限公司'], ['CN', 'PayCenter Sandbox WeChat Pay Platform']],
    notBefore,
    notAfter,
  });

  it('parses with node, with the given serial, names, validity and key', () => {
    expect(certificate.serialNumber.toUpperCase()).toBe(serialHex);
    expect(certificate.issuer).toBe('C=CN\nO=PayCenter Sandbox\nCN=PayCenter Sandbox Root CA');
    expect(certificate.subject).toContain('ST=广东省');
    expect(new Date(certificate.validFrom)).toEqual(notBefore);
    expect(new Date(certificate.validTo)).toEqual(notAfter);
    expect(certificate.publicKey.export({ type: 'spki', format: 'pem' })).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
    expect(certificate.ca).toBe(false);
  });

  it('verifies with its own key and not with another', () => {
    expect(certificate.verify(publicKey)).toBe(true);
    expect(certificate.verify(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey)).toBe(false);
    expect(readCertificateFields(certificate.raw).signatureAlgorithmOid).toBe('1.2.840.113549.1.1.11');
  });

  it('is strict DER that openssl accepts', () => {
    const text = execFileSync('openssl', ['x509', '-noout', '-text'], { input: certificate.toString() }).toString();
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Digital Signature, Non Repudiation, Key Encipherment');
    expect(text).toContain('CA:FALSE');
  });
});

describe('issueCertificate', () => {
  const ca = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const caPem = ca.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const validity = { notBefore: new Date(Date.now() - 3600_000), notAfter: new Date(Date.now() + 365 * 24 * 3600_000) };
  const root = issueCertificate({ serialHex: '10', issuer: [['CN', 'Test Root']], subject: [['CN', 'Test Root']], subjectPublicKey: ca.publicKey, issuerPrivateKeyPem: caPem, ca: true, ...validity });
  const leaf = issueCertificate({ serialHex: '20', issuer: [['CN', 'Test Root']], subject: [['CN', 'Leaf']], subjectPublicKey: publicKey, issuerPrivateKeyPem: caPem, ...validity });

  it('issues CA certificates (CA:TRUE, keyCertSign) and end-entity certificates signed by the CA key', () => {
    expect(root.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(root)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.verify(publicKey)).toBe(false);
    expect(leaf.publicKey.export({ type: 'spki', format: 'pem' })).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
  });

  it('makes a chain openssl verifies', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'issue-certificate-'));
    writeFileSync(path.join(dir, 'root.pem'), root.toString());
    writeFileSync(path.join(dir, 'leaf.pem'), leaf.toString());
    const text = execFileSync('openssl', ['verify', '-CAfile', path.join(dir, 'root.pem'), path.join(dir, 'leaf.pem')]).toString();
    expect(text).toContain(': OK');
  });
});
