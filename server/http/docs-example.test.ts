import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, hmacSha256Hex } from '@paycenter/node';

// docs/api.md shows app developers a worked signing example; it must be what the server computes.
const docs = readFileSync(path.resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
const SECRET = 'pcs_DocsExampleSecret00000000000000000000000';

/** The fenced block right after `<!-- docs-example:NAME -->`. */
function block(name: string): string {
  const match = new RegExp(`<!-- docs-example:${name} -->\\n\`\`\`\\n([\\s\\S]*?)\`\`\`\\n`).exec(docs);
  if (!match) throw new Error(`docs/api.md has no docs-example:${name} block`);
  return match[1]!;
}

describe('the signing example of docs/api.md', () => {
  it('shows the canonical string and signature the server computes for the POST example', () => {
    const body = '{"merchantId":"mch_demo","paymentId":"pay_demo_alipay","orderNo":"ORDER-1001","amount":1000,"currency":"CNY","subject":"Property fee 2026-11","invokeMethod":"PC"}';
    const canonical = canonicalRequest({ method: 'POST', pathWithQuery: '/api/v1/payments', timestamp: '1764576000', nonce: 'q7Xw2LmN9pRtV4sZ', rawBody: body });

    expect(block('canonical').replaceAll('⏎\n', '\n')).toBe(canonical);
    expect(docs).toContain(SECRET);
    expect(block('signature').trim()).toBe(hmacSha256Hex(SECRET, canonical));
  });

  it('shows the signature the server computes for the GET example', () => {
    const canonical = canonicalRequest({ method: 'GET', pathWithQuery: '/api/v1/payments?merchantId=mch_demo&orderNo=ORDER-1001', timestamp: '1764576000', nonce: 'B8kP3nR6tY1wQ5zX', rawBody: '' });

    expect(docs).toContain(`\`${JSON.stringify(canonical)}\``);
    expect(docs).toContain(`signature \`${hmacSha256Hex(SECRET, canonical)}\``);
  });
});
