import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { convertSchemaNode, JsonObject, SchemaMode } from './convertSchemaNode';
import { applyHubSpecQuirks } from './hubSpecQuirks';

const BASE = 'https://specs.local/';
/** The Docker Hub spec, by its path under the spec directory (also its uri among the documents). */
export const HUB_SPEC = 'dockerhub/hub-api-latest.yaml';

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

function defsOf(doc: JsonObject): [string, JsonObject][] {
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

function absolute(ref: string, uri: string): { uri: string; pointer: string } {
  const url = new URL(ref, BASE + uri);
  return {
    uri: url.href.slice(BASE.length).split('#')[0],
    pointer: decodeURIComponent(url.hash.slice(1)),
  };
}

function schemaId(mode: SchemaMode, uri: string, pointer: string): string {
  return `${BASE}${mode}/${uri}#${pointer}`;
}

/**
 * The shipped spec documents as read (Azure JSON, Docker Hub YAML), keyed by their path under the
 * spec directory, with what it takes to resolve their `$ref`s and to convert them into JSON
 * schemas for ajv.
 */
export class SpecDocuments {
  readonly raw = new Map<string, JsonObject>();
  private readonly polymorphic = new Map<
    string,
    { discriminator: string; children: { key: string; value: string }[] }
  >();

  static load(specDir: string): SpecDocuments {
    return new SpecDocuments(specDir);
  }

  private constructor(specDir: string) {
    const azureDir = path.join(specDir, 'azure-specification');
    for (const file of walkFiles(azureDir)) {
      const uri = path.relative(azureDir, file).split(path.sep).join('/');
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      // x-ms-examples point at example files that were not all shipped (specs/AZURE-SOURCES.md
      // lists those that are), and a validator never needs them, so they go before any $ref is
      // resolved.
      for (const ops of Object.values<any>(doc.paths ?? {})) {
        for (const op of Object.values<any>(ops)) {
          if (op && typeof op === 'object') delete op['x-ms-examples'];
        }
      }
      this.raw.set(uri, doc);
    }
    this.raw.set(
      HUB_SPEC,
      parseYaml(fs.readFileSync(path.join(specDir, HUB_SPEC), 'utf8')),
    );
    this.indexPolymorphism();
  }

  private indexPolymorphism() {
    const children = new Map<string, string[]>();
    const defs = new Map<string, JsonObject>();
    for (const [uri, doc] of this.raw) {
      for (const [pointer, def] of defsOf(doc)) {
        const key = `${uri}#${pointer}`;
        defs.set(key, def);
        for (const part of def.allOf ?? []) {
          if (typeof part?.$ref !== 'string') continue;
          const parent = absolute(part.$ref, uri);
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

  /** The context convertSchemaNode needs for a node of document `uri`. */
  converter(uri: string, mode: SchemaMode) {
    return {
      mode,
      resolveRef: (ref: string, asBase: boolean) => {
        const target = absolute(ref, uri);
        const key = `${target.uri}#${target.pointer}`;
        const pointer =
          asBase && this.polymorphic.has(key)
            ? `${target.pointer}__base`
            : target.pointer;
        return schemaId(mode, target.uri, pointer);
      },
    };
  }

  /**
   * A document's definitions as one JSON schema ajv can reference; a polymorphic definition
   * dispatches on its discriminator to the definitions that extend it.
   */
  convertDocument(uri: string, doc: JsonObject, mode: SchemaMode) {
    const ctx = this.converter(uri, mode);
    const converted: Record<string, unknown> = {};
    for (const [pointer, def] of defsOf(doc)) {
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
          { $ref: schemaId(mode, uri, `${pointer}__base`) },
          ...poly.children.map(child => {
            const [childUri, childPointer] = child.key.split('#');
            return {
              if: {
                properties: { [poly.discriminator]: { const: child.value } },
                required: [poly.discriminator],
              },
              then: { $ref: schemaId(mode, childUri, childPointer) },
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

  /** The node a (chain of) `$ref` in document `uri` points at, in the raw documents. */
  deref(uri: string, node: any): any {
    let current = node;
    let currentUri = uri;
    while (current && typeof current.$ref === 'string') {
      const target = absolute(current.$ref, currentUri);
      currentUri = target.uri;
      current = pointerGet(this.raw.get(target.uri) ?? {}, target.pointer);
    }
    return current;
  }
}
