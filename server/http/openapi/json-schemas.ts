// zod 4's own JSON Schema conversion (draft 2020-12, the dialect of OpenAPI 3.1), tuned for the document.
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * What the conversion leaves for readers and generators: a Map (metadata is validated as one)
 * becomes the object it is sent as; a date-time keeps its format without zod's long pattern; an
 * integer drops the safe-integer bounds zod adds to every one.
 */
function tune(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }, io: 'input' | 'output'): void {
  const { def } = ctx.zodSchema._zod;
  const schema = ctx.jsonSchema;
  if (def.type === 'map') {
    Object.assign(schema, {
      type: 'object',
      propertyNames: convert(def.keyType, io),
      additionalProperties: convert(def.valueType, io),
    });
  }
  if (schema.format === 'date-time') delete schema.pattern;
  if (schema.type === 'integer') {
    if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
    if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  }
}

function strip(schema: JsonSchema): JsonSchema {
  // The document is one 2020-12 resource: a `$schema` or `$id` on every part would only confuse tools.
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

const options = (io: 'input' | 'output') =>
  ({
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: (ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }) => tune(ctx, io),
  }) as const;

/** One schema, inline: a request's input (defaults optional) or an answer's output. */
export function convert(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  return strip(z.toJSONSchema(schema, options(io)) as JsonSchema);
}

/** Named schemas for components.schemas, referring to each other by `#/components/schemas/Name`. */
export function components(named: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...options(io), uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, strip(schema as JsonSchema)]));
}
