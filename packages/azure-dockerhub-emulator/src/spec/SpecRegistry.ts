import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { SchemaMode } from './convertSchemaNode';
import { collectOperations } from './collectOperations';
import { RequestInput, RequestValidator } from './RequestValidator';
import { ResponseRoute, ResponseValidator } from './ResponseValidator';
import { SpecDocuments } from './SpecDocuments';
import type { SpecOperation, SpecSource } from './SpecOperation';
import type { ValidationIssue } from './ValidationIssue';

export type { SpecOperation, SpecSource } from './SpecOperation';
export type { ValidationIssue } from './ValidationIssue';
export type { ResponseRoute } from './ResponseValidator';
export type { RequestInput } from './RequestValidator';

/**
 * The official specs, compiled once into ajv validators: the emulator validates every request
 * with them and the tests validate every response. Swagger polymorphism (`discriminator` +
 * `x-ms-discriminator-value` over `allOf`) becomes an if/then dispatch on the discriminator.
 * @public
 */
export class SpecRegistry {
  readonly operations: SpecOperation[];
  private readonly requests: RequestValidator;
  private readonly responses: ResponseValidator;

  static load(specDir: string): SpecRegistry {
    return new SpecRegistry(specDir);
  }

  private constructor(specDir: string) {
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      // Azure patterns are .NET regexes such as `^[-\w\._\(\)]+$`, invalid in unicode mode.
      unicodeRegExp: false,
      logger: false,
    });
    addFormats(ajv);
    ajv.addFormat('arm-id', true);

    const docs = SpecDocuments.load(specDir);
    for (const mode of ['request', 'response'] as SchemaMode[]) {
      for (const [uri, doc] of docs.raw) {
        ajv.addSchema(docs.convertDocument(uri, doc, mode));
      }
    }
    const collected = [...docs.raw].flatMap(([uri, doc]) =>
      collectOperations(docs, uri, doc),
    );
    this.operations = collected.map(c => c.operation);
    this.requests = new RequestValidator(
      ajv,
      new Map(collected.map(c => [c.operation.id, c.requestSchema])),
    );
    this.responses = new ResponseValidator(ajv, this);
  }

  /** Compiles the request validators of the given operations now, so requests never wait. */
  precompile(operationIds: string[]) {
    this.requests.precompile(operationIds);
  }

  operation(id: string): SpecOperation {
    const op = this.operations.find(o => o.id === id);
    if (!op) throw new Error(`No operation ${id} in the specs`);
    return op;
  }

  match(
    source: SpecSource,
    method: string,
    pathname: string,
  ): { op: SpecOperation; params: Record<string, string> } | undefined {
    for (const op of this.operations) {
      if (op.source !== source || op.method !== method) continue;
      const m = op.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      op.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      return { op, params };
    }
    return undefined;
  }

  /**
   * The schemas a response of `method pathname` must satisfy: ours for the routes no shipped spec
   * describes (checked first: they are the emulator's own routes), else the official operation.
   */
  responseRoute(method: string, pathname: string): ResponseRoute | undefined {
    return this.responses.route(method, pathname);
  }

  /** Statuses the route's schemas name (`default` included), official or ours. */
  documentedStatuses(id: string): string[] {
    return this.responses.documentedStatuses(id);
  }

  validateRequest(id: string, input: RequestInput): ValidationIssue[] {
    return this.requests.validate(this.operation(id), input);
  }

  /**
   * Validates a response body against the operation's documented response for the status
   * (falling back to `default`, as ARM specs document errors there). Returns a single issue
   * when the status itself is undocumented.
   */
  validateResponse(
    id: string,
    status: number,
    body: unknown,
  ): ValidationIssue[] {
    return this.responses.validate(id, status, body);
  }
}
