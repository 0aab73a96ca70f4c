import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { convertSchemaNode, JsonObject, SchemaMode } from './convertSchemaNode';
import { applyHubSpecQuirks } from './hubSpecQuirks';
import { OWN_ROUTE_SCHEMAS, OwnRouteSchema } from './ownSchemas';

const BASE = 'https://specs.local/';
const HUB_SPEC = 'dockerhub/hub-api-latest.yaml';
const METHODS = ['get', 'put', 'patch', 'delete', 'post', 'head'];

/** @public */
export type SpecSource = 'azure' | 'dockerhub';

/** @public */
export interface SpecOperation {
  id: string;
  source: SpecSource;
  method: string;
  template: string;
  /** `info.version` of the spec file the operation comes from (the api-version it describes). */
  specVersion: string;
  regex: RegExp;
  paramNames: string[];
  queryParams: Map<string, string>;
  bodyRequired: boolean;
  hasBody: boolean;
  responses: Map<string, JsonObject | undefined>;
}

/** @public */
export interface ValidationIssue {
  location: 'path' | 'query' | 'body' | 'response';
  /** Dotted path of the offending value, e.g. `properties.environmentData.scanInterval`. */
  name: string;
  message: string;
}

/**
 * Which schemas a route's responses are checked against: an official spec's, or ours.
 * @public
 */
export interface ResponseRoute {
  id: string;
  origin: 'official' | 'ours';
  /** For `official`: the spec the operation comes from. */
  source?: SpecSource;
}

/** @public */
export interface RequestInput {
  path: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'examples') walkFiles(full, out);
    } else if (entry.name.endsWith('.json')) {
      out.push(full);
    }
  }
  return out;
}

function pointerGet(doc: JsonObject, pointer: string): any {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce<any>(
      (node, seg) => node?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    );
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The official specs, compiled once into ajv validators: the emulator validates every request
 * with them and the tests validate every response. Swagger polymorphism (`discriminator` +
 * `x-ms-discriminator-value` over `allOf`) becomes an if/then dispatch on the discriminator.
 * @public
 */
export class SpecRegistry {
  private readonly ajv: Ajv;
  private readonly rawDocs = new Map<string, JsonObject>();
  readonly operations: SpecOperation[] = [];
  private readonly requestSchemas = new Map<string, JsonObject>();
  private readonly requestValidators = new Map<string, ValidateFunction>();
  private readonly responseValidators = new Map<string, ValidateFunction>();
  private readonly ownRoutes: { route: OwnRouteSchema; regex: RegExp }[];
  private readonly polymorphic = new Map<
    string,
    { discriminator: string; children: { key: string; value: string }[] }
  >();

  static load(specDir: string): SpecRegistry {
    return new SpecRegistry(specDir);
  }

  private constructor(specDir: string) {
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      // Azure patterns are .NET regexes such as `^[-\w\._\(\)]+$`, invalid in unicode mode.
      unicodeRegExp: false,
      logger: false,
    });
    addFormats(this.ajv);
    this.ajv.addFormat('arm-id', true);

    const azureDir = path.join(specDir, 'azure-specification');
    for (const file of walkFiles(azureDir)) {
      const uri = path.relative(azureDir, file).split(path.sep).join('/');
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      // The reference README: x-ms-examples point at example files that were not all copied,
      // and a validator never needs them, so they go before any $ref is resolved.
      for (const ops of Object.values<any>(doc.paths ?? {})) {
        for (const op of Object.values<any>(ops)) {
          if (op && typeof op === 'object') delete op['x-ms-examples'];
        }
      }
      this.rawDocs.set(uri, doc);
    }
    this.rawDocs.set(
      HUB_SPEC,
      parseYaml(fs.readFileSync(path.join(specDir, HUB_SPEC), 'utf8')),
    );

    this.indexPolymorphism();
    for (const mode of ['request', 'response'] as SchemaMode[]) {
      for (const [uri, doc] of this.rawDocs) {
        this.ajv.addSchema(this.convertDocument(uri, doc, mode));
      }
    }
    for (const [uri, doc] of this.rawDocs) {
      this.collectOperations(uri, doc);
    }
    this.ownRoutes = OWN_ROUTE_SCHEMAS.map(route => {
      if (this.operations.some(o => o.id === route.id)) {
        throw new Error(`Our schema ${route.id} shadows an official operation`);
      }
      const source = route.template.replace(/\{[^}]+\}|[^{]+/g, segment =>
        segment.startsWith('{') ? '([^/]+)' : escapeRegex(segment),
      );
      return { route, regex: new RegExp(`^${source}/?$`, 'i') };
    });
  }

  private defsOf(doc: JsonObject): [string, JsonObject][] {
    if (doc.definitions) {
      return Object.entries(doc.definitions).map(([n, d]) => [
        `/definitions/${n}`,
        d as JsonObject,
      ]);
    }
    return Object.entries(doc.components?.schemas ?? {}).map(([n, d]) => [
      `/components/schemas/${n}`,
      d as JsonObject,
    ]);
  }

  private absolute(ref: string, uri: string): { uri: string; pointer: string } {
    const url = new URL(ref, BASE + uri);
    return {
      uri: url.href.slice(BASE.length).split('#')[0],
      pointer: decodeURIComponent(url.hash.slice(1)),
    };
  }

  private indexPolymorphism() {
    const children = new Map<string, string[]>();
    const defs = new Map<string, JsonObject>();
    for (const [uri, doc] of this.rawDocs) {
      for (const [pointer, def] of this.defsOf(doc)) {
        const key = `${uri}#${pointer}`;
        defs.set(key, def);
        for (const part of def.allOf ?? []) {
          if (typeof part?.$ref !== 'string') continue;
          const parent = this.absolute(part.$ref, uri);
          const parentKey = `${parent.uri}#${parent.pointer}`;
          children.set(parentKey, [...(children.get(parentKey) ?? []), key]);
        }
      }
    }
    const descendants = (key: string): string[] =>
      (children.get(key) ?? []).flatMap(c => [c, ...descendants(c)]);
    for (const [key, def] of defs) {
      if (typeof def.discriminator !== 'string') continue;
      this.polymorphic.set(key, {
        discriminator: def.discriminator,
        children: descendants(key).map(child => ({
          key: child,
          value:
            defs.get(child)?.['x-ms-discriminator-value'] ??
            child.split('/').pop()!,
        })),
      });
    }
  }

  private schemaId(mode: SchemaMode, uri: string, pointer: string): string {
    return `${BASE}${mode}/${uri}#${pointer}`;
  }

  private converter(uri: string, mode: SchemaMode) {
    return {
      mode,
      resolveRef: (ref: string, asBase: boolean) => {
        const target = this.absolute(ref, uri);
        const key = `${target.uri}#${target.pointer}`;
        const pointer =
          asBase && this.polymorphic.has(key)
            ? `${target.pointer}__base`
            : target.pointer;
        return this.schemaId(mode, target.uri, pointer);
      },
    };
  }

  private convertDocument(uri: string, doc: JsonObject, mode: SchemaMode) {
    const ctx = this.converter(uri, mode);
    const converted: Record<string, unknown> = {};
    for (const [pointer, def] of this.defsOf(doc)) {
      const name = pointer.split('/').pop()!;
      const key = `${uri}#${pointer}`;
      const poly = this.polymorphic.get(key);
      if (!poly) {
        converted[name] = convertSchemaNode(def, ctx);
        continue;
      }
      converted[`${name}__base`] = convertSchemaNode(def, ctx);
      converted[name] = {
        allOf: [
          { $ref: this.schemaId(mode, uri, `${pointer}__base`) },
          ...poly.children.map(child => {
            const [childUri, childPointer] = child.key.split('#');
            return {
              if: {
                properties: { [poly.discriminator]: { const: child.value } },
                required: [poly.discriminator],
              },
              then: { $ref: this.schemaId(mode, childUri, childPointer) },
            };
          }),
        ],
      };
    }
    if (uri === HUB_SPEC) applyHubSpecQuirks(converted, ctx);
    if (uri.endsWith('/resourcegraph.json') && converted.QueryResponse) {
      // The spec types `data` as an object although its own description says "JObject array or
      // Table format" and objectArray results are arrays (example ResourcesFirstPageQuery.json).
      (converted.QueryResponse as any).properties.data = {
        type: ['array', 'object'],
      };
    }
    const body = doc.definitions
      ? { definitions: converted }
      : { components: { schemas: converted } };
    return { $id: `${BASE}${mode}/${uri}`, ...body };
  }

  private deref(uri: string, node: any): any {
    let current = node;
    let currentUri = uri;
    while (current && typeof current.$ref === 'string') {
      const target = this.absolute(current.$ref, currentUri);
      currentUri = target.uri;
      current = pointerGet(this.rawDocs.get(target.uri) ?? {}, target.pointer);
    }
    return current;
  }

  private collectOperations(uri: string, doc: JsonObject) {
    const source: SpecSource = uri === HUB_SPEC ? 'dockerhub' : 'azure';
    for (const [template, pathItem] of Object.entries<any>(doc.paths ?? {})) {
      const pathParams: any[] = pathItem.parameters ?? [];
      for (const method of METHODS) {
        const op = pathItem[method];
        if (!op?.operationId) continue;
        const params = new Map<string, any>();
        for (const p of [...pathParams, ...(op.parameters ?? [])]) {
          const resolved = this.deref(uri, p);
          params.set(`${resolved.in}:${resolved.name}`, resolved);
        }
        const paramNames: string[] = [];
        const regexSource = template.replace(
          /\{([^}]+)\}|[^{]+/g,
          (segment: string, name?: string) => {
            if (!name) return escapeRegex(segment);
            paramNames.push(name);
            const p = params.get(`path:${name}`);
            return p?.['x-ms-skip-url-encoding'] ? '(.+?)' : '([^/]+)';
          },
        );
        const ctx = this.converter(uri, 'request');
        const pathSchema: JsonObject = {
          type: 'object',
          properties: {},
          required: [],
        };
        const querySchema: JsonObject = {
          type: 'object',
          properties: {},
          required: [],
        };
        const queryParams = new Map<string, string>();
        let body: JsonObject | boolean | undefined;
        let bodyRequired = false;
        for (const p of params.values()) {
          const schemaSource = p.schema && p.in !== 'body' ? p.schema : p;
          if (p.in === 'path' || p.in === 'query') {
            const target = p.in === 'path' ? pathSchema : querySchema;
            target.properties[p.name] = convertSchemaNode(schemaSource, ctx);
            if (p.required) target.required.push(p.name);
            if (p.in === 'query')
              queryParams.set(p.name, schemaSource.type ?? 'string');
          } else if (p.in === 'body') {
            body = convertSchemaNode(p.schema, ctx);
            bodyRequired = p.required === true;
          }
        }
        const jsonBody = op.requestBody
          ? this.deref(uri, op.requestBody)?.content?.['application/json']
          : undefined;
        if (jsonBody?.schema) {
          body = convertSchemaNode(jsonBody.schema, ctx);
          bodyRequired = op.requestBody.required === true;
        }
        const requestSchema: JsonObject = {
          type: 'object',
          properties: { path: pathSchema, query: querySchema },
          required: ['path', 'query'],
        };
        if (body !== undefined) {
          requestSchema.properties.body = body;
          if (bodyRequired) requestSchema.required.push('body');
        }
        const responses = new Map<string, JsonObject | undefined>();
        const responseCtx = this.converter(uri, 'response');
        for (const [status, response] of Object.entries<any>(
          op.responses ?? {},
        )) {
          const resolved = this.deref(uri, response);
          const schema =
            resolved?.schema ?? resolved?.content?.['application/json']?.schema;
          responses.set(
            status,
            schema
              ? (convertSchemaNode(schema, responseCtx) as JsonObject)
              : undefined,
          );
        }
        const operation: SpecOperation = {
          id: op.operationId,
          source,
          method: method.toUpperCase(),
          template,
          specVersion: String(doc.info?.version ?? ''),
          regex: new RegExp(`^${regexSource}$`, source === 'azure' ? 'i' : ''),
          paramNames,
          queryParams,
          bodyRequired,
          hasBody: body !== undefined,
          responses,
        };
        this.operations.push(operation);
        this.requestSchemas.set(operation.id, requestSchema);
      }
    }
  }

  /** Compiles the request validators of the given operations now, so requests never wait. */
  precompile(operationIds: string[]) {
    for (const id of operationIds) this.requestValidator(id);
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
    const onPath = this.ownRoutes.filter(r => r.regex.test(pathname));
    // Another method on one of our paths gets the route's error answer (405), checked by it too.
    const own = onPath.find(r => r.route.method === method) ?? onPath[0];
    if (own) return { id: own.route.id, origin: 'ours' };
    const source: SpecSource = pathname.startsWith('/v2/')
      ? 'dockerhub'
      : 'azure';
    const match = this.match(source, method, pathname);
    return match ? { id: match.op.id, origin: 'official', source } : undefined;
  }

  /** Statuses the route's schemas name (`default` included), official or ours. */
  documentedStatuses(id: string): string[] {
    const own = this.ownRoutes.find(r => r.route.id === id);
    return own
      ? Object.keys(own.route.responses)
      : [...this.operation(id).responses.keys()];
  }

  private requestValidator(id: string): ValidateFunction {
    let validator = this.requestValidators.get(id);
    if (!validator) {
      const schema = this.requestSchemas.get(id);
      if (!schema) throw new Error(`No operation ${id} in the specs`);
      validator = this.ajv.compile(schema);
      this.requestValidators.set(id, validator);
    }
    return validator;
  }

  validateRequest(id: string, input: RequestInput): ValidationIssue[] {
    const op = this.operation(id);
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
    const validator = this.requestValidator(id);
    if (validator(data)) return [];
    return toIssues(validator.errors ?? []);
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
    const own = this.ownRoutes.find(r => r.route.id === id)?.route;
    const responses = own
      ? new Map<string, JsonObject | undefined>(Object.entries(own.responses))
      : this.operation(id).responses;
    const key = responses.has(String(status)) ? String(status) : 'default';
    if (!responses.has(key)) {
      return [
        {
          location: 'response',
          name: '',
          message: `status ${status} is not documented for ${id}`,
        },
      ];
    }
    const schema = responses.get(key);
    if (!schema) return [];
    const cacheKey = `${id} ${key}`;
    let validator = this.responseValidators.get(cacheKey);
    if (!validator) {
      validator = this.ajv.compile(schema);
      this.responseValidators.set(cacheKey, validator);
    }
    if (validator(body)) return [];
    return toIssues(validator.errors ?? [], 'response');
  }
}

function toIssues(
  errors: ErrorObject[],
  forced?: ValidationIssue['location'],
): ValidationIssue[] {
  const meaningful = errors.filter(
    e => e.keyword !== 'if' && !(e.keyword === 'anyOf' && errors.length > 1),
  );
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of meaningful.length ? meaningful : errors) {
    const segments = error.instancePath
      .split('/')
      .filter(Boolean)
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const location =
      forced ?? (segments.shift() as ValidationIssue['location']);
    if (error.keyword === 'required') {
      segments.push(String(error.params.missingProperty));
    }
    if (error.keyword === 'additionalProperties') {
      segments.push(String(error.params.additionalProperty));
    }
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'enum') {
      message = `must be one of: ${(
        error.params.allowedValues as unknown[]
      ).join(', ')}`;
    }
    if (error.keyword === 'required') message = 'is required';
    const name = segments.join('.');
    const dedupe = `${location}|${name}|${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    issues.push({ location, name, message });
  }
  return issues;
}
