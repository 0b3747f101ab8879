// The OpenAPI 3.1 document of the app API, built from the zod schemas the routes validate with
// (operations.ts) and the contract's answer schemas; served at GET /api/v1/openapi.json.
import { actionObject } from '@/server/contract/action';
import { APP_ERROR_CODES, createdPaymentAnswer, errorAnswer, orderAnswer, paymentAnswer, refundAnswer, splitAnswer } from '@/server/contract/answers';
import { EVENT_TYPES, eventFeed, eventObject, feedEvent, paymentEventData, refundEventData, splitEventData } from '@/server/contract/event';
import { orderObject } from '@/server/contract/order';
import { paymentObject } from '@/server/contract/payment';
import { createRefundRequest, refundObject } from '@/server/contract/refund';
import { createSplitRequest, splitObject } from '@/server/contract/split';
import { statementItem, statementObject } from '@/server/contract/statement';
import { initiatePaymentInput } from '@/server/core/payments/initiate-payment-input';
import { ERROR_CODES, type ErrorCode } from '@/server/errors/error-codes';
import { createdPaymentExample, createPaymentExample, createRefundExample, createSplitExample, eventExample, refundExample, splitExample } from './examples';
import { components, convert } from './json-schemas';
import { OPERATIONS, type Operation } from './operations';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Answer schemas by their component name; operations refer to them by identity. */
const ANSWERS = {
  Payment: paymentObject,
  Action: actionObject,
  Order: orderObject,
  Refund: refundObject,
  Split: splitObject,
  Event: eventObject,
  FeedEvent: feedEvent,
  PaymentEventData: paymentEventData,
  RefundEventData: refundEventData,
  SplitEventData: splitEventData,
  StatementItem: statementItem,
  Statement: statementObject,
  PaymentAnswer: paymentAnswer,
  CreatedPaymentAnswer: createdPaymentAnswer,
  OrderAnswer: orderAnswer,
  RefundAnswer: refundAnswer,
  SplitAnswer: splitAnswer,
  EventFeed: eventFeed,
  Error: errorAnswer,
};

const REQUESTS = { CreatePaymentRequest: initiatePaymentInput, CreateRefundRequest: createRefundRequest, CreateSplitRequest: createSplitRequest };

const REQUEST_EXAMPLES: Record<string, unknown> = { createPayment: createPaymentExample, createRefund: createRefundExample, createSplit: createSplitExample };
const ANSWER_EXAMPLES: Record<string, unknown> = { createPayment: createdPaymentExample, createRefund: refundExample, createSplit: splitExample };

/** Every request can fail these ways, whatever the operation. */
const COMMON_ERRORS: ErrorCode[] = ['INVALID_REQUEST', 'INVALID_SIGNATURE', 'TIMESTAMP_OUT_OF_RANGE', 'REPLAYED_REQUEST', 'APP_DISABLED', 'IP_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'INTERNAL_ERROR'];

const SIGNATURE_DESCRIPTION = `Every request carries four headers: X-PayCenter-App-Id, X-PayCenter-Timestamp (unix seconds), X-PayCenter-Nonce (16-64 characters of A-Z a-z 0-9, new for every request) and X-PayCenter-Signature.

The signature is the lowercase hex HMAC-SHA256, keyed with the app secret, of the UTF-8 string

    METHOD + "\\n" + PATH_WITH_QUERY + "\\n" + TIMESTAMP + "\\n" + NONCE + "\\n" + RAW_BODY + "\\n"

where PATH_WITH_QUERY is the path and query exactly as sent (no scheme or host) and RAW_BODY the exact body bytes sent (empty for GET). Sign the string you send: serialising the JSON again after signing breaks the signature.

A timestamp more than 300 s from server time is 401 TIMESTAMP_OUT_OF_RANGE; a nonce seen again within that window is 401 REPLAYED_REQUEST; a bad signature, unknown or disabled app is 401 INVALID_SIGNATURE / APP_DISABLED (never saying which of id or secret was wrong). During a rotation an app has two active secrets; either verifies.`;

const SECURITY_SCHEMES = {
  AppId: { type: 'apiKey', in: 'header', name: 'X-PayCenter-App-Id', description: 'The app id given when the app was registered.' },
  Timestamp: { type: 'apiKey', in: 'header', name: 'X-PayCenter-Timestamp', description: 'Unix seconds; within 300 s of server time.' },
  Nonce: { type: 'apiKey', in: 'header', name: 'X-PayCenter-Nonce', description: '16-64 characters of A-Z a-z 0-9, new for every request.' },
  Signature: { type: 'apiKey', in: 'header', name: 'X-PayCenter-Signature', description: SIGNATURE_DESCRIPTION },
};

const SIGNED = [{ AppId: [], Timestamp: [], Nonce: [], Signature: [] }];

function pathParameters(path: string): Json[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 64 } }));
}

function queryParameters(operation: Operation): Json[] {
  if (!operation.query) return [];
  const schema = convert(operation.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: schema.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

/** The name under components.schemas of a schema listed there, else the schema inline. */
function schemaOf(schema: unknown, named: Record<string, unknown>, io: 'input' | 'output'): Json {
  const name = Object.entries(named).find(([, candidate]) => candidate === schema)?.[0];
  return name ? ref(name) : convert(schema as Parameters<typeof convert>[0], io);
}

/** One response per status, listing its codes, each with an example body. */
function errorResponses(operation: Operation): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...(operation.public ? [] : COMMON_ERRORS), ...operation.errors])) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.map((code) => `\`${code}\`: ${ERROR_CODES[code].message}`).join('\n\n'),
        content: {
          'application/json': {
            schema: ref('Error'),
            examples: Object.fromEntries(list.map((code) => [code, { value: { error: { code, message: ERROR_CODES[code].message } } }])),
          },
        },
      },
    ]),
  );
}

function operationObject(operation: Operation): Json {
  const answers = Object.entries(operation.answers).map(([status, schema]) => {
    const example = ANSWER_EXAMPLES[operation.operationId];
    const json = { schema: schemaOf(schema, ANSWERS, 'output'), ...(example && status === '201' ? { example } : {}) };
    const description = status === '201' ? 'Created.' : operation.answers[201] ? 'The same request again: the existing object.' : 'OK.';
    return [status, { description, content: { 'application/json': json, ...(operation.csv ? { 'text/csv': { schema: { type: 'string', description: 'With Accept: text/csv: the whole day, UTF-8 with a BOM, a header row.' } } } : {}) } }];
  });
  const requestExample = REQUEST_EXAMPLES[operation.operationId];
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    parameters: [...pathParameters(operation.path), ...queryParameters(operation)],
    ...(operation.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(operation.body, REQUESTS, 'input'), ...(requestExample ? { example: requestExample } : {}) } } } }
      : {}),
    responses: { ...Object.fromEntries(answers), ...errorResponses(operation) },
    ...(operation.public ? { security: [] } : {}),
    'x-idempotent': operation.idempotent,
  };
}

const EVENT_DATA: Record<string, string> = { payment: 'PaymentEventData', refund: 'RefundEventData', split: 'SplitEventData' };

/** One OpenAPI 3.1 webhook per event type: what the center POSTs to the app's notifyUrl. */
function webhooks(): Json {
  const headers = [
    { name: 'X-PayCenter-Event-Id', in: 'header', required: true, schema: { type: 'string' }, description: 'The event id (evt_...); the same on every delivery of the event.' },
    { name: 'X-PayCenter-Timestamp', in: 'header', required: true, schema: { type: 'string' }, description: 'Unix seconds of this delivery attempt.' },
    {
      name: 'X-PayCenter-Signature',
      in: 'header',
      required: true,
      schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      description: 'Lowercase hex HMAC-SHA256(appSecret, TIMESTAMP + "." + RAW_BODY). Verify it over the raw body before parsing, and refuse a timestamp far from now.',
    },
  ];
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: `${type} event`,
          description:
            'Any 2xx within 10 s acknowledges. Anything else is retried: right away, then after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h (16 attempts, about 24 h). Delivery is at least once: deduplicate on the event id.',
          parameters: headers,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { allOf: [ref('Event'), { type: 'object', properties: { type: { const: type }, data: ref(EVENT_DATA[type.split('.')[0]!]!) } }] },
                ...(type === eventExample.type ? { example: eventExample } : {}),
              },
            },
          },
          responses: { '2XX': { description: 'Acknowledged.' } },
        },
      },
    ]),
  );
}

function paths(): Json {
  const byPath: Record<string, Json> = {};
  for (const operation of OPERATIONS) byPath[operation.path] = { ...byPath[operation.path], [operation.method]: operationObject(operation) };
  return byPath;
}

let built: Json | undefined;

/** The document; built once per process (it depends on code only). */
export function openApiDocument(): Json {
  built ??= {
    openapi: '3.1.1',
    info: {
      title: 'PayCenter application API',
      version: '1.1.0',
      description:
        'The contract between PayCenter and the business applications that call it (v1 and v1.1). Amounts are integers in fen, currency "CNY", times ISO-8601 with offset, bodies JSON in UTF-8. Every non-2xx answer is `{ "error": { "code", "message", "details"? } }`; `code` is stable, switch on it. See docs/api.md for the developer guide.',
    },
    tags: [
      { name: 'Payments' },
      { name: 'Refunds' },
      { name: 'Splits', description: 'Profit sharing (v1.1).' },
      { name: 'Events', description: 'The change feed; webhooks carry the same events.' },
      { name: 'Statements', description: 'Money movements for the app’s own books (v1.1).' },
      { name: 'Sandbox', description: 'Test helpers; only while the server runs in sandbox mode.' },
      { name: 'Document' },
    ],
    security: SIGNED,
    paths: paths(),
    webhooks: webhooks(),
    components: {
      schemas: { ...components(ANSWERS, 'output'), ...components(REQUESTS, 'input'), ErrorCode: { type: 'string', enum: [...APP_ERROR_CODES] } },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
  return built;
}
