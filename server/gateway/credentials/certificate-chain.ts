// Whether a certificate (with the intermediates sent along) chains up to one of the roots a merchant
// holds: how a certificate downloaded from a channel is trusted without trusting the download itself.
import type { X509Certificate } from 'node:crypto';
import { parseCertificates } from './crypto-material';

const MAX_DEPTH = 4;

function current(certificate: X509Certificate, now: Date): boolean {
  return new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
}

/** True when `issuer` issued and signed `certificate`; false for an issuer key node cannot read (SM2 roots). */
function signedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * The leaf of `chainPem` is valid at `now` and reaches a root of `rootBundlePem` through CA
 * certificates of the chain, each valid and signed by the next.
 */
export function chainsToRoot(chainPem: string, rootBundlePem: string, now: Date): boolean {
  const [leaf, ...intermediates] = parseCertificates(chainPem);
  const roots = parseCertificates(rootBundlePem);
  let certificate = leaf;
  for (let depth = 0; certificate && depth < MAX_DEPTH; depth++) {
    if (!current(certificate, now)) return false;
    const child = certificate;
    const root = roots.find((candidate) => current(candidate, now) && signedBy(child, candidate));
    if (root) return true;
    certificate = intermediates.find((candidate) => candidate.ca && signedBy(child, candidate));
  }
  return false;
}
