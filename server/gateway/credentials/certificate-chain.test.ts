import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSelfSignedCertificate, issueCertificate, type DistinguishedName } from '@/server/sandbox/certificate/issue-certificate';
import { chainsToRoot } from './certificate-chain';

const DAY = 24 * 3600_000;
const now = new Date('2027-03-01T00:00:00Z');

function keys() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicKey, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

const ROOT: DistinguishedName = [['C', 'CN'], ['CN', 'Test Root CA']];
const CLASS2: DistinguishedName = [['C', 'CN'], ['CN', 'Test Class 2 CA']];
const rootKeys = keys();
const class2Keys = keys();
const leafKeys = keys();
const validity = (from: number, to: number) => ({ notBefore: new Date(now.getTime() + from * DAY), notAfter: new Date(now.getTime() + to * DAY) });

const selfSignedCa = (ca: { publicKey: KeyObject; privateKeyPem: string }) =>
  issueCertificate({ serialHex: '11', issuer: ROOT, subject: ROOT, subjectPublicKey: ca.publicKey, issuerPrivateKeyPem: ca.privateKeyPem, ca: true, ...validity(-10, 3650) });
const root = selfSignedCa(rootKeys);
const class2 = issueCertificate({ serialHex: '22', issuer: ROOT, subject: CLASS2, subjectPublicKey: class2Keys.publicKey, issuerPrivateKeyPem: rootKeys.privateKeyPem, ca: true, ...validity(-10, 3650) });
const leafOptions = { serialHex: '33', issuer: CLASS2, subject: [['CN', 'Alipay']] as DistinguishedName, subjectPublicKey: leafKeys.publicKey, issuerPrivateKeyPem: class2Keys.privateKeyPem };
const leaf = issueCertificate({ ...leafOptions, ...validity(-1, 365) });

describe('chainsToRoot', () => {
  it('follows the leaf through its intermediate to a root of the bundle', () => {
    expect(class2.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(chainsToRoot(leaf.toString() + class2.toString(), root.toString(), now)).toBe(true);
  });

  it('needs the intermediate, the right root, and every certificate valid now', () => {
    expect(chainsToRoot(leaf.toString(), root.toString(), now)).toBe(false);
    const otherRoot = selfSignedCa(keys());
    expect(chainsToRoot(leaf.toString() + class2.toString(), otherRoot.toString(), now)).toBe(false);
    const expired = issueCertificate({ ...leafOptions, ...validity(-400, -1) });
    expect(chainsToRoot(expired.toString() + class2.toString(), root.toString(), now)).toBe(false);
  });

  it('refuses a certificate that only copies the issuer name', () => {
    const forged = buildSelfSignedCertificate({ privateKeyPem: keys().privateKeyPem, serialHex: '33', issuer: CLASS2, subject: [['CN', 'Alipay']], ...validity(-1, 365) });
    expect(chainsToRoot(forged.toString() + class2.toString(), root.toString(), now)).toBe(false);
  });

  it('refuses a leaf posing as an intermediate', () => {
    const fakeIntermediate = issueCertificate({ ...leafOptions, subject: [['CN', 'Mallory CA']], subjectPublicKey: class2Keys.publicKey, ...validity(-1, 365) });
    const underFake = issueCertificate({ ...leafOptions, issuer: [['CN', 'Mallory CA']], ...validity(-1, 365) });
    expect(chainsToRoot(underFake.toString() + fakeIntermediate.toString() + class2.toString(), root.toString(), now)).toBe(false);
  });
});
