import Ajv, { ValidateFunction } from 'ajv';
import type { JsonObject } from './convertSchemaNode';
import type { SpecOperation } from './SpecOperation';
import { toIssues, ValidationIssue } from './ValidationIssue';

/** @public */
export interface RequestInput {
  path: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/**
 * Requests checked against their operation's parameters and body, as the specs declare them.
 * Validators are compiled on first use (or ahead, with `precompile`) and kept.
 */
export class RequestValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly ajv: Ajv,
    /** By operation id: the schema of `{ path, query, body }`. */
    private readonly schemas: Map<string, JsonObject>,
  ) {}

  precompile(operationIds: string[]) {
    for (const id of operationIds) this.validator(id);
  }

  private validator(id: string): ValidateFunction {
    let validator = this.validators.get(id);
    if (!validator) {
      const schema = this.schemas.get(id);
      if (!schema) throw new Error(`No operation ${id} in the specs`);
      validator = this.ajv.compile(schema);
      this.validators.set(id, validator);
    }
    return validator;
  }

  /** Query values arrive as text: integers and booleans are coerced as the spec types them. */
  validate(op: SpecOperation, input: RequestInput): ValidationIssue[] {
    const query: Record<string, unknown> = {};
    for (const [name, type] of op.queryParams) {
      const raw = input.query.get(name);
      if (raw === null) continue;
      if (type === 'integer' && /^-?\d+$/.test(raw)) query[name] = Number(raw);
      else if (type === 'boolean' && (raw === 'true' || raw === 'false')) {
        query[name] = raw === 'true';
      } else query[name] = raw;
    }
    const data: JsonObject = { path: input.path, query };
    if (input.body !== undefined) data.body = input.body;
    const validator = this.validator(op.id);
    if (validator(data)) return [];
    return toIssues(validator.errors ?? []);
  }
}
