// GBK, the encoding of Alipay's bill files. Node can decode GBK but not encode it, so the encoder is the
// decoder inverted: every two-byte GBK code decoded once, on first use (about 22,000 characters).

let table: Map<string, number> | undefined;

function encodeTable(): Map<string, number> {
  if (table) return table;
  const decoder = new TextDecoder('gbk', { fatal: true });
  const built = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && !built.has(char)) built.set(char, (lead << 8) | trail);
      } catch {
        // Unassigned code: nothing decodes to it.
      }
    }
  }
  table = built;
  return built;
}

/** GBK bytes of `text`; a character GBK lacks becomes "?", as Alipay's own exports do. */
export function encodeGbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const gbk = encodeTable().get(char);
    if (gbk === undefined) bytes.push(0x3f);
    else bytes.push(gbk >> 8, gbk & 0xff);
  }
  return Buffer.from(bytes);
}
