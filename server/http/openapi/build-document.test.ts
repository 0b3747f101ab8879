import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { createdPaymentAnswer, refundAnswer, splitAnswer } from '@/server/contract/answers';
import { eventObject } from '@/server/contract/event';
import { createRefundRequest } from '@/server/contract/refund';
import { createSplitRequest } from '@/server/contract/split';
import { initiatePaymentInput } from '@/server/core/payments/initiate-payment-input';
import { ERROR_CODES } from '@/server/errors/error-codes';
import { openApiDocument } from './build-document';
import { createdPaymentExample, createPaymentExample, createRefundExample, createSplitExample, eventExample, refundExample, splitExample } from './examples';

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }> }>>;
  webhooks: Record<string, unknown>;
  components: { schemas: Record<string, { enum?: string[] }> };
};
const doc = openApiDocument() as Doc;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    // Read back from a file, as a generator reads the served document.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument()));
    const result = await validate(file);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('documents every app-facing error code under its HTTP status', () => {
    for (const code of doc.components.schemas.ErrorCode!.enum!) {
      const statuses = Object.values(doc.paths)
        .flatMap((methods) => Object.values(methods))
        .flatMap((operation) => Object.entries(operation.responses).filter(([, response]) => response.content?.['application/json']?.examples?.[code]))
        .map(([status]) => Number(status));
      // METHOD_NOT_ALLOWED and NOT_FOUND are answered by any path; the rest by the operations that can fail so.
      if (code === 'METHOD_NOT_ALLOWED') continue;
      expect(statuses.length, code).toBeGreaterThan(0);
      expect(new Set(statuses), code).toEqual(new Set([ERROR_CODES[code as keyof typeof ERROR_CODES].status]));
    }
  });

  it('has one webhook per event type, and examples the routes’ own schemas accept', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...eventObject.shape.type.options].sort());
    expect(initiatePaymentInput.parse(createPaymentExample)).toMatchObject({ orderNo: 'ORDER-1001' });
    expect(createRefundRequest.parse(createRefundExample).amount).toBe(300);
    expect(createSplitRequest.parse(createSplitExample).receivers).toHaveLength(1);
    expect(createdPaymentAnswer.parse(createdPaymentExample)).toEqual(createdPaymentExample);
    expect(refundAnswer.parse(refundExample)).toEqual(refundExample);
    expect(splitAnswer.parse(splitExample)).toEqual(splitExample);
    expect(eventObject.parse(eventExample)).toEqual(eventExample);
  });
});
