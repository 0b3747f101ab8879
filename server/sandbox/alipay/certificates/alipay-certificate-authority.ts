// The Alipay simulator's certificate mode, as Alipay's: its own CA (a root, and an intermediate that
// issues), Alipay's public-key certificate under it (rotated on demand, each with a fresh key), and app
// certificates issued for the merchants' public keys. Made once per database, under a lock, so every
// server instance shares one chain; private keys are sealed like every other simulator secret.
import { createPublicKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import type { Tx } from '@/server/db/client';
import { db } from '@/server/db/client';
import type { SandboxAlipayCertificate, SandboxAlipayCertificateKind } from '@/server/db/generated/client';
import { alipayCertSn, alipayRootCertSn } from '@/server/gateway/credentials/alipay-cert-sn';
import { issueCertificate, type DistinguishedName } from '@/server/sandbox/certificate/issue-certificate';
import { open, seal } from '@/server/security/secret-box';

const DAY_MS = 24 * 3600_000;
const YEAR_MS = 365 * DAY_MS;
const CA_LOCK = 'paycenter:sandbox-alipay-ca';

const ROOT_NAME: DistinguishedName = [['C', 'CN'], ['O', 'PayCenter Sandbox'], ['OU', 'Certification Authority'], ['CN', 'PayCenter Sandbox Alipay Root CA R1']];
const INTERMEDIATE_NAME: DistinguishedName = [['C', 'CN'], ['O', 'PayCenter Sandbox'], ['OU', 'Certification Authority'], ['CN', 'PayCenter Sandbox Alipay Class 2 CA R1']];

/** How long what each kind issues lives: the app certificate's 5 years are Alipay's. */
const LIFETIME_MS = { ROOT: 20 * YEAR_MS, INTERMEDIATE: 10 * YEAR_MS, ALIPAY: 3 * YEAR_MS, APP: 5 * YEAR_MS } as const;

export interface SandboxSigningCertificate {
  sn: string;
  /** The leaf followed by the intermediate, as alipayCertPublicKey_RSA2.crt. */
  chainPem: string;
  privateKeyPem: string;
}

const aad = (sn: string) => `SandboxAlipayCertificate:${sn}`;

/** 16 random bytes, high bit clear so the DER integer needs no sign byte. */
function newSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex').toUpperCase();
}

function rsaKeyPair(): { publicKey: KeyObject; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicKey, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

interface Issuer {
  name: DistinguishedName;
  privateKeyPem: string;
}

function issue(issuer: Issuer, subject: DistinguishedName, subjectPublicKey: KeyObject, lifetimeMs: number, now: Date, ca = false): X509Certificate {
  return issueCertificate({
    serialHex: newSerialHex(),
    issuer: issuer.name,
    subject,
    subjectPublicKey,
    issuerPrivateKeyPem: issuer.privateKeyPem,
    // A day back, so a client whose clock runs a little behind still finds it valid.
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + lifetimeMs),
    ca,
  });
}

async function store(tx: Tx, kind: SandboxAlipayCertificateKind, certificate: X509Certificate, privateKeyPem: string, now: Date): Promise<SandboxAlipayCertificate> {
  const sn = alipayCertSn(certificate);
  return tx.sandboxAlipayCertificate.create({ data: { sn, kind, pem: certificate.toString(), privateSealed: seal(privateKeyPem, aad(sn)), createdAt: now } });
}

const issuerOf = (row: SandboxAlipayCertificate, name: DistinguishedName): Issuer => ({ name, privateKeyPem: open(row.privateSealed, aad(row.sn)) });

/** Every renewal keeps the subject, as Alipay's do: a newer certificate of the same subject succeeds the older. */
const ALIPAY_NAME: DistinguishedName = [['C', 'CN'], ['O', 'PayCenter Sandbox Alipay'], ['OU', 'Alipay'], ['CN', 'PayCenter Sandbox Alipay Public Key RSA2']];

async function newestOf(tx: Tx, kind: SandboxAlipayCertificateKind): Promise<SandboxAlipayCertificate | null> {
  return tx.sandboxAlipayCertificate.findFirst({ where: { kind }, orderBy: [{ createdAt: 'desc' }, { sn: 'desc' }] });
}

async function issueAlipayCertificate(tx: Tx, intermediate: SandboxAlipayCertificate, now: Date): Promise<void> {
  const keys = rsaKeyPair();
  await store(tx, 'ALIPAY', issue(issuerOf(intermediate, INTERMEDIATE_NAME), ALIPAY_NAME, keys.publicKey, LIFETIME_MS.ALIPAY, now), keys.privateKeyPem, now);
}

interface Chain {
  root: SandboxAlipayCertificate;
  intermediate: SandboxAlipayCertificate;
}

async function readChain(tx: Tx): Promise<Chain | null> {
  const [root, intermediate, alipay] = await Promise.all([newestOf(tx, 'ROOT'), newestOf(tx, 'INTERMEDIATE'), newestOf(tx, 'ALIPAY')]);
  return root && intermediate && alipay ? { root, intermediate } : null;
}

async function createChain(tx: Tx, now: Date): Promise<Chain> {
  const rootKeys = rsaKeyPair();
  const rootIssuer = { name: ROOT_NAME, privateKeyPem: rootKeys.privateKeyPem };
  const root = await store(tx, 'ROOT', issue(rootIssuer, ROOT_NAME, rootKeys.publicKey, LIFETIME_MS.ROOT, now, true), rootKeys.privateKeyPem, now);
  const keys = rsaKeyPair();
  const intermediate = await store(tx, 'INTERMEDIATE', issue(rootIssuer, INTERMEDIATE_NAME, keys.publicKey, LIFETIME_MS.INTERMEDIATE, now, true), keys.privateKeyPem, now);
  await issueAlipayCertificate(tx, intermediate, now);
  return { root, intermediate };
}

/** The chain, made the first time it is needed; the lock makes a second instance wait and find it. */
async function withChain<T>(now: Date, work: (tx: Tx, chain: Chain) => Promise<T>): Promise<T> {
  const existing = await readChain(db());
  if (existing) return work(db(), existing);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${CA_LOCK}))`;
    return work(tx, (await readChain(tx)) ?? (await createChain(tx, now)));
  });
}

function signingCertificate(row: SandboxAlipayCertificate, intermediate: SandboxAlipayCertificate): SandboxSigningCertificate {
  return { sn: row.sn, chainPem: row.pem + intermediate.pem, privateKeyPem: open(row.privateSealed, aad(row.sn)) };
}

/** The Alipay certificate the simulator signs with now: the newest one. */
export function currentAlipayCertificate(now = new Date()): Promise<SandboxSigningCertificate> {
  return withChain(now, async (tx, { intermediate }) => signingCertificate((await newestOf(tx, 'ALIPAY'))!, intermediate));
}

/** Rotation, as Alipay renews its certificate: a new key and certificate (a new SN) sign from now on. */
export function rotateAlipayCertificate(now = new Date()): Promise<SandboxSigningCertificate> {
  return withChain(now, async (tx, { intermediate }) => {
    await issueAlipayCertificate(tx, intermediate, now);
    return signingCertificate((await newestOf(tx, 'ALIPAY'))!, intermediate);
  });
}

/** alipay.open.app.alipaycert.download: the chain of one of Alipay's certificates by its SN, or null. */
export function alipayCertificateChain(sn: string, now = new Date()): Promise<string | null> {
  return withChain(now, async (tx, { intermediate }) => {
    const row = await tx.sandboxAlipayCertificate.findUnique({ where: { sn } });
    return row?.kind === 'ALIPAY' ? row.pem + intermediate.pem : null;
  });
}

export interface SandboxAlipayCertificates {
  appCert: string;
  alipayPublicCert: string;
  alipayRootCert: string;
}

/** What Alipay hands a merchant who switches to certificate mode: its app certificate, Alipay's certificate and the root bundle. */
export function issueAlipayCertificates(options: { appId: string; appPublicKeyPem: string; now?: Date }): Promise<SandboxAlipayCertificates> {
  const now = options.now ?? new Date();
  return withChain(now, async (tx, { root, intermediate }) => {
    const subject: DistinguishedName = [['C', 'CN'], ['O', 'PayCenter Sandbox Merchant'], ['OU', 'Alipay'], ['CN', options.appId]];
    const appCert = issue(issuerOf(intermediate, INTERMEDIATE_NAME), subject, createPublicKey(options.appPublicKeyPem), LIFETIME_MS.APP, now);
    const alipay = (await newestOf(tx, 'ALIPAY'))!;
    return { appCert: appCert.toString(), alipayPublicCert: alipay.pem + intermediate.pem, alipayRootCert: root.pem };
  });
}

/** alipay_root_cert_sn of the simulator's root bundle, which cert-mode requests must carry. */
export function sandboxRootCertSn(now = new Date()): Promise<string> {
  return withChain(now, async (_tx, { root }) => alipayRootCertSn(root.pem));
}
