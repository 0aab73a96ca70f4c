import {
  commentLines,
  IacReference,
  isPlainKey,
  shellWord,
  type ConnectorIacModel,
  type IacValue,
} from './iacModel';

/** Bicep's names of the two inputs the file declares. */
export const BICEP_PARAMS = {
  username: 'dockerHubUsername',
  accessToken: 'dockerHubAccessToken',
} as const;

/**
 * A single-quoted Bicep string. Bicep interpolates `${…}` in every string, so `$` before `{` is
 * escaped, as are `\`, `'` and control characters
 * (https://learn.microsoft.com/azure/azure-resource-manager/bicep/data-types#strings).
 */
export function bicepString(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const code = value.charCodeAt(i);
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '$' && value[i + 1] === '{') out += '\\$';
    else if (code < 0x20 || code === 0x7f || (code >= 0x2028 && code <= 0x2029))
      out += `\\u{${code.toString(16).toUpperCase()}}`;
    else out += c;
  }
  return `'${out}'`;
}

const bicepKey = (key: string) => (isPlainKey(key) ? key : bicepString(key));

/** A Bicep expression for the value, multi-line objects and arrays indented by `indent`. */
export function bicepValue(value: IacValue, indent = ''): string {
  if (value instanceof IacReference) return BICEP_PARAMS[value.input];
  if (value === null) return 'null';
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // Bicep has integers only; the body has nothing else (the scan interval is whole hours).
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`Bicep has no literal for the number ${value}`);
    }
    return String(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value
      .map(v => `${inner}${bicepValue(v, inner)}\n`)
      .join('')}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([k, v]) => `${inner}${bicepKey(k)}: ${bicepValue(v, inner)}\n`)
    .join('')}${indent}}`;
}

/**
 * The connector as a Bicep file for a resource-group deployment. The access token is a
 * `@secure()` parameter without a value: Azure Resource Manager keeps secure parameters out of
 * the deployment's stored inputs and outputs
 * (https://learn.microsoft.com/azure/azure-resource-manager/bicep/parameters#secure-parameters).
 */
export function toBicep(model: ConnectorIacModel): string {
  const body: { [key: string]: IacValue } = {
    name: model.connectorName,
    ...model.resource,
  };
  const sub = shellWord(model.subscriptionId);
  const rg = shellWord(model.resourceGroup);
  return [
    ...commentLines('//', [
      `Microsoft Defender for Containers: the Docker Hub connector of ${model.organization},`,
      `as Backstage's defender:dockerhub:onboard writes it (the same PUT body, without the token).`,
      `Deploy it into resource group ${model.resourceGroup} of subscription ${model.subscriptionId}:`,
      `  az deployment group create --subscription ${sub} --resource-group ${rg} \\`,
      `    --template-file ${shellWord(`${model.connectorName}.bicep`)}`,
      `The Azure CLI asks for ${BICEP_PARAMS.accessToken}, the read-only token; never write it into this file.`,
      `A new deployment replaces the connector as a whole, as the PUT does.`,
    ]),
    '',
    `@description(${bicepString(
      'The dedicated Docker Hub user Defender signs in as',
    )})`,
    `param ${BICEP_PARAMS.username} string = ${bicepString(model.username)}`,
    '',
    '@secure()',
    `@description(${bicepString(
      'Read-only personal access token (dckr_pat_...) of that user',
    )})`,
    `param ${BICEP_PARAMS.accessToken} string`,
    '',
    `resource connector ${bicepString(
      `Microsoft.Security/securityConnectors@${model.apiVersion}`,
    )} = ${bicepValue(body)}`,
    '',
    'output connectorId string = connector.id',
    '',
  ].join('\n');
}
