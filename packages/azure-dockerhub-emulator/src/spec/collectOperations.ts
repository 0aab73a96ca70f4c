import { escapeRegex } from '../util/escapeRegex';
import { convertSchemaNode, JsonObject } from './convertSchemaNode';
import { HUB_SPEC, SpecDocuments } from './SpecDocuments';
import type { SpecOperation, SpecSource } from './SpecOperation';

const METHODS = ['get', 'put', 'patch', 'delete', 'post', 'head'];

/** An operation of a spec, with the schema of its request as `{ path, query, body }`. */
export interface CollectedOperation {
  operation: SpecOperation;
  requestSchema: JsonObject;
}

/** The operations document `uri` declares, in the order of its paths and methods. */
export function collectOperations(
  docs: SpecDocuments,
  uri: string,
  doc: JsonObject,
): CollectedOperation[] {
  const collected: CollectedOperation[] = [];
  const source: SpecSource = uri === HUB_SPEC ? 'dockerhub' : 'azure';
  for (const [template, pathItem] of Object.entries<any>(doc.paths ?? {})) {
    const pathParams: any[] = pathItem.parameters ?? [];
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!op?.operationId) continue;
      const params = new Map<string, any>();
      for (const p of [...pathParams, ...(op.parameters ?? [])]) {
        const resolved = docs.deref(uri, p);
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
      const ctx = docs.converter(uri, 'request');
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
        ? docs.deref(uri, op.requestBody)?.content?.['application/json']
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
      const responseCtx = docs.converter(uri, 'response');
      for (const [status, response] of Object.entries<any>(
        op.responses ?? {},
      )) {
        const resolved = docs.deref(uri, response);
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
      collected.push({ operation, requestSchema });
    }
  }
  return collected;
}
