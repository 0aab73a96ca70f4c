import {
  commentLines,
  IacReference,
  isPlainKey,
  shellWord,
  type ConnectorIacModel,
  type IacValue,
} from './iacModel';

/** Terraform's names of the two variables the configuration declares. */
export const TERRAFORM_VARIABLES = {
  username: 'dockerhub_username',
  accessToken: 'dockerhub_access_token',
} as const;

/** The resource's name in the configuration (`azapi_resource.<this>`). */
export const TERRAFORM_RESOURCE = 'dockerhub_connector';

/**
 * A quoted HCL string. Quoted strings are templates, so `${` and `%{` are escaped by doubling
 * their first character; `"`, `\` and control characters by backslash escapes
 * (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md#template-expressions).
 */
export function hclString(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const code = value.charCodeAt(i);
    const next = value[i + 1];
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if ((c === '$' || c === '%') && next === '{') out += `${c}${c}`;
    else if (code < 0x20 || code === 0x7f || (code >= 0x2028 && code <= 0x2029))
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return `"${out}"`;
}

const hclKey = (key: string) => (isPlainKey(key) ? key : hclString(key));

/** `key = value` lines, the `=` of consecutive one-line values aligned as `terraform fmt` does. */
function attributes(
  entries: Array<[string, string]>,
  indent: string,
): string[] {
  const lines: string[] = [];
  let run: Array<[string, string]> = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([k]) => k.length));
    for (const [k, v] of run) lines.push(`${indent}${k.padEnd(width)} = ${v}`);
    run = [];
  };
  for (const [k, v] of entries) {
    if (v.includes('\n')) {
      flush();
      lines.push(`${indent}${k} = ${v}`);
    } else {
      run.push([k, v]);
    }
  }
  flush();
  return lines;
}

/** An HCL expression for the value, multi-line objects and tuples indented by `indent`. */
export function hclValue(value: IacValue, indent = ''): string {
  if (value instanceof IacReference) {
    return `var.${TERRAFORM_VARIABLES[value.input]}`;
  }
  if (value === null) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`HCL has no literal for the number ${value}`);
    }
    return String(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value
      .map(v => `${inner}${hclValue(v, inner)},\n`)
      .join('')}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${attributes(
    entries.map(([k, v]) => [hclKey(k), hclValue(v, inner)]),
    inner,
  ).join('\n')}\n${indent}}`;
}

/** A block: `type "label" … { attributes }`. */
function block(head: string, entries: Array<[string, string]>): string {
  return `${head} {\n${attributes(entries, '  ').join('\n')}\n}`;
}

/**
 * The connector as a Terraform configuration with the azapi provider: `azurerm` has no
 * security connector resource. `body` is an HCL object (azapi 2.x refuses a JSON string there);
 * `location` and `tags` are the resource's own arguments, which azapi merges into the body it
 * sends (https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource).
 */
export function toTerraform(model: ConnectorIacModel): string {
  const { location, tags, properties, ...rest } = model.resource;
  const parentId = `/subscriptions/${model.subscriptionId}/resourceGroups/${model.resourceGroup}`;
  const resource: Array<[string, string]> = [
    [
      'type',
      hclString(`Microsoft.Security/securityConnectors@${model.apiVersion}`),
    ],
    ['name', hclString(model.connectorName)],
    ['parent_id', hclString(parentId)],
    ...(location !== undefined
      ? [['location', hclValue(location, '  ')] as [string, string]]
      : []),
    ...(tags !== undefined
      ? [['tags', hclValue(tags, '  ')] as [string, string]]
      : []),
    ['body', hclValue({ ...rest, properties }, '  ')],
  ];
  const address = `azapi_resource.${TERRAFORM_RESOURCE}`;
  return [
    ...commentLines('#', [
      `Microsoft Defender for Containers: the Docker Hub connector of ${model.organization},`,
      `as Backstage's defender:dockerhub:onboard writes it (the same PUT body, without the token).`,
      `Apply it (signed in to Azure, e.g. az login), giving the read-only token as a variable:`,
      `  export TF_VAR_${TERRAFORM_VARIABLES.accessToken}=...   # or leave it unset: terraform asks`,
      '  terraform init && terraform apply',
      'The token is marked sensitive, so plans and logs do not show it, but Terraform keeps the',
      'body azapi sent, token included, in its state: keep the state in a remote backend with',
      'encryption and restricted access (e.g. the azurerm backend in a private storage account),',
      'never commit terraform.tfstate, and rotate the token if a state file leaks.',
    ]),
    '',
    // 2.0 is the first azapi that takes `body` as an HCL object, not a JSON string.
    [
      'terraform {',
      '  required_providers {',
      '    azapi = {',
      '      source  = "Azure/azapi"',
      '      version = "~> 2.0"',
      '    }',
      '  }',
      '}',
    ].join('\n'),
    '',
    block(`variable ${hclString(TERRAFORM_VARIABLES.username)}`, [
      [
        'description',
        hclString('The dedicated Docker Hub user Defender signs in as'),
      ],
      ['type', 'string'],
      ['default', hclString(model.username)],
    ]),
    '',
    block(`variable ${hclString(TERRAFORM_VARIABLES.accessToken)}`, [
      [
        'description',
        hclString(
          'Read-only personal access token (dckr_pat_...) of that user',
        ),
      ],
      ['type', 'string'],
      ['sensitive', 'true'],
    ]),
    '',
    ...(model.exists
      ? [
          ...commentLines('#', [
            'The connector exists already: adopt it instead of failing to create it (Terraform 1.5+).',
            `Without this block: terraform import ${address} ${shellWord(
              model.connectorId,
            )}`,
          ]),
          block('import', [
            ['to', address],
            ['id', hclString(model.connectorId)],
          ]),
          '',
        ]
      : []),
    block(
      `resource "azapi_resource" ${hclString(TERRAFORM_RESOURCE)}`,
      resource,
    ),
    '',
    block('output "connector_id"', [['value', `${address}.id`]]),
    '',
  ].join('\n');
}
