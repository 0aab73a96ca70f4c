import { InputError } from '@backstage/errors';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { distance } from 'fastest-levenshtein';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
};

/** How the action reference names a declared type, since the loose schema no longer carries it. */
function typeLabel(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(v => `'${v}'`).join(' or ');
  switch (schema.type) {
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'object':
      return schema.properties ? 'object' : 'object of text values';
    default:
      return String(schema.type);
  }
}

/**
 * The same properties, described but unconstrained. The scaffolder checks a step's input against
 * the declared schema before the action runs and, on failure, prints its `InputError` with
 * Backstage's stack frames in the task log, where the field name gets buried; the handler checks
 * every rule (presence, type, value) and says what to fix instead.
 */
function looseProperties(
  properties: Record<string, JsonSchema>,
  required: string[],
): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, prop]) => [
      key,
      {
        title: `${typeLabel(prop)}${
          required.includes(key) ? ', required' : ''
        }`,
        ...(prop.description ? { description: prop.description } : {}),
        ...(prop.properties
          ? {
              properties: looseProperties(prop.properties, prop.required ?? []),
            }
          : {}),
      },
    ]),
  );
}

/** Keys the schema does not declare, as dotted paths (`plans.defenderCSPM`). */
function unknownKeys(value: unknown, schema: JsonSchema, at = ''): string[] {
  if (schema.additionalProperties !== false) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [];
  }
  return Object.entries(value).flatMap(([key, v]) => {
    const prop = schema.properties?.[key];
    return prop ? unknownKeys(v, prop, `${at}${key}.`) : [`${at}${key}`];
  });
}

/** The declared key closest to a mistyped one (case or at most two edits apart), if any. */
function closest(key: string, known: string[]): string | undefined {
  const lower = key.toLowerCase();
  return known
    .map(k => ({
      k,
      // 'confirm' for 'confirmation' is a shortening, not a typo
      d:
        lower.length >= 4 && k.toLowerCase().startsWith(lower)
          ? 0
          : distance(lower, k.toLowerCase()),
    }))
    .filter(({ d }) => d <= 2)
    .sort((x, y) => x.d - y.d)[0]?.k;
}

/**
 * The action with a schema that documents its inputs without constraining them, and a handler
 * that refuses undeclared keys (a misspelled optional input would otherwise be ignored silently)
 * before the action's own checks run.
 */
export function withHandlerCheckedInput<
  A extends TemplateAction<any, any, any>,
>(action: A): A {
  const declared = (action.schema?.input ?? {}) as JsonSchema;
  return {
    ...action,
    schema: {
      ...action.schema,
      input: {
        type: 'object',
        properties: looseProperties(
          declared.properties ?? {},
          declared.required ?? [],
        ),
      },
    },
    async handler(ctx) {
      const unknown = unknownKeys(ctx.input, declared).slice(0, 5);
      if (unknown.length) {
        const path = unknown[0].split('.');
        const owner = path.length > 1 ? path[0] : undefined;
        const known = Object.keys(
          (owner ? declared.properties![owner] : declared).properties ?? {},
        );
        const guess = closest(path[path.length - 1], known);
        throw new InputError(
          `${action.id} has no input ${unknown.map(k => `'${k}'`).join(', ')}${
            guess ? ` (did you mean '${guess}'?)` : ''
          }; ${owner ?? 'it'} takes ${known.join(', ')}`,
        );
      }
      return action.handler(ctx);
    },
  };
}
