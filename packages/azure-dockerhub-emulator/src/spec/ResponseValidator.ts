import Ajv, { ValidateFunction } from 'ajv';
import { escapeRegex } from '../util/escapeRegex';
import type { JsonObject } from './convertSchemaNode';
import { OWN_ROUTE_SCHEMAS, OwnRouteSchema } from './ownSchemas';
import type { SpecOperation, SpecSource } from './SpecOperation';
import { toIssues, ValidationIssue } from './ValidationIssue';

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

/** What response checks need of the official operations (the SpecRegistry). */
export interface OfficialOperations {
  readonly operations: SpecOperation[];
  operation(id: string): SpecOperation;
  match(
    source: SpecSource,
    method: string,
    pathname: string,
  ): { op: SpecOperation } | undefined;
}

/**
 * Responses checked against the schemas of their route: an official operation's or, for the
 * routes no shipped spec describes, ours (ownSchemas.ts). Validators are compiled on first use.
 */
export class ResponseValidator {
  private readonly ownRoutes: { route: OwnRouteSchema; regex: RegExp }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly ajv: Ajv,
    private readonly official: OfficialOperations,
  ) {
    this.ownRoutes = OWN_ROUTE_SCHEMAS.map(route => {
      if (official.operations.some(o => o.id === route.id)) {
        throw new Error(`Our schema ${route.id} shadows an official operation`);
      }
      const source = route.template.replace(/\{[^}]+\}|[^{]+/g, segment =>
        segment.startsWith('{') ? '([^/]+)' : escapeRegex(segment),
      );
      return { route, regex: new RegExp(`^${source}/?$`, 'i') };
    });
  }

  /** See SpecRegistry.responseRoute. */
  route(method: string, pathname: string): ResponseRoute | undefined {
    const onPath = this.ownRoutes.filter(r => r.regex.test(pathname));
    // Another method on one of our paths gets the route's error answer (405), checked by it too.
    const own = onPath.find(r => r.route.method === method) ?? onPath[0];
    if (own) return { id: own.route.id, origin: 'ours' };
    const source: SpecSource = pathname.startsWith('/v2/')
      ? 'dockerhub'
      : 'azure';
    const match = this.official.match(source, method, pathname);
    return match ? { id: match.op.id, origin: 'official', source } : undefined;
  }

  /** See SpecRegistry.documentedStatuses. */
  documentedStatuses(id: string): string[] {
    const own = this.ownRoutes.find(r => r.route.id === id);
    return own
      ? Object.keys(own.route.responses)
      : [...this.official.operation(id).responses.keys()];
  }

  /** See SpecRegistry.validateResponse. */
  validate(id: string, status: number, body: unknown): ValidationIssue[] {
    const own = this.ownRoutes.find(r => r.route.id === id)?.route;
    const responses = own
      ? new Map<string, JsonObject | undefined>(Object.entries(own.responses))
      : this.official.operation(id).responses;
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
    let validator = this.validators.get(cacheKey);
    if (!validator) {
      validator = this.ajv.compile(schema);
      this.validators.set(cacheKey, validator);
    }
    if (validator(body)) return [];
    return toIssues(validator.errors ?? [], 'response');
  }
}
