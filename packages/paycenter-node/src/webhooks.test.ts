import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhooks.ts';

const docs = readFileSync(path.resolve(import.meta.dirname, '../../../docs/webhooks.md'), 'utf8');
const block = (name: string) => new RegExp(`<!-- docs-example:${name} -->\\n\`\`\`\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(docs)![1]!;
const secret = 'pcs_DocsExampleSecret00000000000000000000000';
const timestamp = '1796112000';
const at = (seconds: number) => new Date(seconds * 1000);

describe('webhook signatures', () => {
  it('docs/webhooks.md shows the signature the center computes, and it verifies', () => {
    const rawBody = block('webhook-body');
    const signature = signWebhook({ secret, timestamp, rawBody });
    expect(block('webhook-signature')).toBe(signature);
    expect(verifyWebhook({ secret, timestamp, signature, rawBody, now: at(1796112000) })).toMatchObject({ id: 'evt_DocsExample000000000', type: 'payment.succeeded' });
  });

  it('refuses another secret, a changed body, a missing header and a timestamp outside the tolerance', () => {
    const rawBody = block('webhook-body');
    const signature = signWebhook({ secret, timestamp, rawBody });
    const now = at(1796112000);
    expect(() => verifyWebhook({ secret: `${secret}x`, timestamp, signature, rawBody, now })).toThrow(/does not match/);
    expect(() => verifyWebhook({ secret, timestamp, signature, rawBody: rawBody.replace('1000', '1'), now })).toThrow(/does not match/);
    expect(() => verifyWebhook({ secret, timestamp, signature: null, rawBody, now })).toThrow(/missing/);
    expect(() => verifyWebhook({ secret, timestamp: '17961120001.5', signature, rawBody, now })).toThrow(/malformed/);
    expect(() => verifyWebhook({ secret, timestamp, signature, rawBody, now: at(1796112000 + 301) })).toThrow(/tolerance/);
    expect(verifyWebhook({ secret, timestamp, signature, rawBody, now: at(1796112000 - 60), toleranceSeconds: 60 }).id).toBe('evt_DocsExample000000000');
  });
});
