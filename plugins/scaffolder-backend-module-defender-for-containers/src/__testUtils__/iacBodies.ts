import { parseBicep, parseHcl, Ref, type Parsed } from './parseIacSubset';

const blocksOf = (
  t: ReturnType<typeof parseHcl>,
  type: string,
  ...labels: string[]
) =>
  t.blocks.filter(
    b => b.type === type && labels.every((l, i) => b.labels[i] === l),
  );

/** Both files parsed back, and the connector's fields as each would send them. */
export function parseIac(iac: { bicep: string; terraform: string }) {
  const bicep = parseBicep(iac.bicep);
  const { name: _name, ...bicepBody } = bicep.resources.connector.body;
  const terraform = parseHcl(iac.terraform);
  const [terraformResource] = blocksOf(
    terraform,
    'resource',
    'azapi_resource',
    'dockerhub_connector',
  );
  const { location, tags, body } = terraformResource.body.attributes as any;
  return {
    bicep,
    bicepBody,
    terraform,
    terraformResource,
    terraformBody: { location, tags, ...body },
    blocks: (type: string, ...labels: string[]) =>
      blocksOf(terraform, type, ...labels),
  };
}

/** A value with every reference replaced through `values` (what a deployment would send). */
export function resolveRefs(
  value: Parsed,
  values: Record<string, string>,
): any {
  if (value instanceof Ref) {
    if (!(value.path in values)) throw new Error(`unresolved ${value.path}`);
    return values[value.path];
  }
  if (Array.isArray(value)) return value.map(v => resolveRefs(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveRefs(v, values)]),
    );
  }
  return value;
}

/** The PUT body as the code states it: the credential as the given references, no etag. */
export function asCode(
  body: any,
  refs: { username: string; accessToken: string },
): any {
  const { etag: _etag, ...rest } = body;
  // Not structuredClone: in jest it returns objects of another realm, which toStrictEqual tells apart.
  const clone = JSON.parse(JSON.stringify(rest));
  const auth = clone.properties.environmentData.authentication;
  auth.username = new Ref(refs.username);
  auth.accessToken = new Ref(refs.accessToken);
  return clone;
}

export const BICEP_REFS = {
  username: 'dockerHubUsername',
  accessToken: 'dockerHubAccessToken',
};
export const TERRAFORM_REFS = {
  username: 'var.dockerhub_username',
  accessToken: 'var.dockerhub_access_token',
};
