import type { JsonObject } from './convertSchemaNode';

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
