// Just enough DER to read what node:crypto's X509Certificate does not expose on Node 20: the
// signature algorithm OID, and the issuer's attributes as raw values (X509Certificate.issuer
// escapes characters such as `,` and `+`, which Alipay's cert SN does not).

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function byteAt(der: Buffer, index: number): number {
  const value = der[index];
  if (value === undefined) throw new Error('truncated DER');
  return value;
}

function readTlv(der: Buffer, offset: number): Tlv {
  const tag = byteAt(der, offset);
  let length = byteAt(der, offset + 1);
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + byteAt(der, start + i);
    start += octets;
  }
  if (start + length > der.length) throw new Error('truncated DER');
  return { tag, start, end: start + length };
}

function childrenOf(der: Buffer, parent: Tlv): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readTlv(der, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

function child(children: Tlv[], index: number): Tlv {
  const found = children[index];
  if (!found) throw new Error('unexpected certificate structure');
  return found;
}

function decodeOid(bytes: Buffer): string {
  const first = byteAt(bytes, 0);
  const arcs = [Math.floor(first / 40), first % 40];
  let value = 0n;
  for (const b of bytes.subarray(1)) {
    value = (value << 7n) | BigInt(b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(Number(value));
      value = 0n;
    }
  }
  return arcs.join('.');
}

const BMP_STRING = 0x1e;

function decodeString(tag: number, bytes: Buffer): string {
  // BMPString is UTF-16 big-endian; the other directory string types are UTF-8 compatible.
  return tag === BMP_STRING ? Buffer.from(bytes).swap16().toString('utf16le') : bytes.toString('utf8');
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

export interface CertificateFields {
  /** Issuer attributes in DER order (usually C first), multi-valued RDNs flattened. */
  issuer: Array<{ name: string; value: string }>;
  signatureAlgorithmOid: string;
}

export function readCertificateFields(der: Buffer): CertificateFields {
  const certificate = childrenOf(der, readTlv(der, 0));
  const tbs = childrenOf(der, child(certificate, 0));
  const signatureAlgorithm = childrenOf(der, child(certificate, 1));
  const hasVersion = child(tbs, 0).tag === 0xa0;
  const issuerName = child(tbs, hasVersion ? 3 : 2);
  const issuer = childrenOf(der, issuerName)
    .flatMap((rdn) => childrenOf(der, rdn))
    .map((attribute) => {
      const [type, value] = childrenOf(der, attribute);
      if (!type || !value) throw new Error('unexpected certificate structure');
      const oid = decodeOid(der.subarray(type.start, type.end));
      return { name: SHORT_NAMES[oid] ?? oid, value: decodeString(value.tag, der.subarray(value.start, value.end)) };
    });
  const oid = child(signatureAlgorithm, 0);
  return { issuer, signatureAlgorithmOid: decodeOid(der.subarray(oid.start, oid.end)) };
}
