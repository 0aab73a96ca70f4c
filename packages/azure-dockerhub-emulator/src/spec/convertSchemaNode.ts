/**
 * Structure-aware translation of one Swagger 2.0 / OpenAPI 3.0 schema node into JSON Schema
 * draft-07 for ajv. Only keywords that constrain values are kept; documentation and `x-ms-*`
 * extensions are dropped while walking, never by blind key deletion, so a property that happens
 * to be called `readOnly` or `discriminator` survives.
 */
export type SchemaMode = 'request' | 'response';

/** @public */
export type JsonObject = Record<string, any>;

export interface ConvertContext {
  mode: SchemaMode;
  /** Turns a `$ref` found in the source document into the absolute id of the converted schema. */
  resolveRef: (ref: string, asBase: boolean) => string;
}

const COPIED_KEYWORDS = [
  'format',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
  'minProperties',
  'maxProperties',
];

function allowNull(schema: JsonObject): JsonObject {
  if (typeof schema.type === 'string') {
    const out: JsonObject = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) {
      out.enum = [...out.enum, null];
    }
    return out;
  }
  return { anyOf: [schema, { type: 'null' }] };
}

export function convertSchemaNode(
  node: unknown,
  ctx: ConvertContext,
  asBase = false,
): JsonObject | boolean {
  if (typeof node === 'boolean') return node;
  if (!node || typeof node !== 'object') return {};
  const src = node as JsonObject;
  const nullable = src['x-nullable'] === true || src.nullable === true;

  if (typeof src.$ref === 'string') {
    // Swagger ignores siblings of $ref (and so does draft-07), except nullability.
    const ref: JsonObject = { $ref: ctx.resolveRef(src.$ref, asBase) };
    return nullable ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  if (src.type === 'file') return {};

  const out: JsonObject = {};
  if (src.type !== undefined) out.type = src.type;
  for (const key of COPIED_KEYWORDS) {
    if (src[key] !== undefined) out[key] = src[key];
  }
  if (ctx.mode === 'response' && src['x-ms-enum']?.modelAsString === true) {
    // modelAsString enums are extensible: SDKs accept values added later (e.g. a health report
    // `source` for Docker Hub), while the service still rejects unknown values in requests.
    delete out.enum;
  }
  // Swagger 2.0 / draft-04 booleans become draft-07 numbers.
  if (src.exclusiveMinimum === true && typeof src.minimum === 'number') {
    out.exclusiveMinimum = src.minimum;
    delete out.minimum;
  }
  if (src.exclusiveMaximum === true && typeof src.maximum === 'number') {
    out.exclusiveMaximum = src.maximum;
    delete out.maximum;
  }
  if (out.type === 'integer' && typeof out.format === 'string') {
    // ajv-formats' int32/int64 only apply to numbers; the integer type check is what matters.
    if (out.format === 'int32' || out.format === 'int64') delete out.format;
  }

  const readOnlyProps = new Set<string>();
  if (src.properties && typeof src.properties === 'object') {
    out.properties = {};
    for (const [name, prop] of Object.entries<any>(src.properties)) {
      const isReadOnly =
        prop && typeof prop === 'object' && prop.readOnly === true;
      const isWriteOnly =
        prop && typeof prop === 'object' && prop.writeOnly === true;
      if (isReadOnly) readOnlyProps.add(name);
      if (ctx.mode === 'request' && isReadOnly) {
        // ARM ignores read-only properties sent by clients (GET → PUT round trips are common);
        // accept any value, the handlers never persist them.
        out.properties[name] = {};
      } else if (ctx.mode === 'response' && isWriteOnly) {
        out.properties[name] = {};
      } else {
        out.properties[name] = convertSchemaNode(prop, ctx);
      }
    }
  }
  if (Array.isArray(src.required)) {
    const required = src.required.filter(
      (name: string) => !(ctx.mode === 'request' && readOnlyProps.has(name)),
    );
    if (required.length > 0) out.required = required;
  }
  if (
    src.items !== undefined &&
    (src.type === 'array' || src.type === undefined)
  ) {
    out.items = convertSchemaNode(src.items, ctx);
  }
  if (src.additionalProperties !== undefined) {
    out.additionalProperties = convertSchemaNode(src.additionalProperties, ctx);
  }
  if (Array.isArray(src.allOf)) {
    // A member of allOf referencing a polymorphic base means "inherits from", so it must point
    // at the base's own schema, not at the dispatching one (that would recurse into itself).
    out.allOf = src.allOf.map((part: unknown) =>
      convertSchemaNode(part, ctx, true),
    );
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(src[key])) {
      out[key] = src[key].map((part: unknown) => convertSchemaNode(part, ctx));
    }
  }
  return nullable ? allowNull(out) : out;
}
