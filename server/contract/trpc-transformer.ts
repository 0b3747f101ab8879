// The dashboard's tRPC transformer (server and browser): superjson, so Dates stay Dates. superjson
// refuses to serialize an object with a `__proto__`, `constructor` or `prototype` key, and free-form
// data can have one (a payment's metadata, an error naming such a field): that was a 500. Such an
// object travels as JSON text and is parsed back as plain data.
import { SuperJSON, type SuperJSONResult } from 'superjson';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Marks an object superjson would refuse; only ever built here, right before serializing. */
class FreeFormJson {
  constructor(readonly value: object) {}
}

const superjson = new SuperJSON();
superjson.registerCustom<object, string>(
  {
    isApplicable: (value): value is object => value instanceof FreeFormJson,
    serialize: (value) => JSON.stringify(value instanceof FreeFormJson ? value.value : value),
    deserialize: (text) => JSON.parse(text) as object,
  },
  'free-form-json',
);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** The value with each object holding a prototype key marked to travel as JSON text. */
function markFreeForm(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(markFreeForm);
  if (!isPlainObject(value)) return value;
  if (PROTOTYPE_KEYS.some((key) => Object.hasOwn(value, key))) return new FreeFormJson(value);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, markFreeForm(item)]));
}

export const trpcTransformer = {
  serialize: (value: unknown): SuperJSONResult => superjson.serialize(markFreeForm(value)),
  deserialize: <T>(payload: SuperJSONResult): T => superjson.deserialize<T>(payload),
};
