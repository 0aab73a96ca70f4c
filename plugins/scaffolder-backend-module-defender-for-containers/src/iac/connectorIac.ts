import type {
  ArmRequestPreview,
  SecurityConnectorPutBody,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  IacReference,
  mapEntries,
  type ConnectorIacModel,
  type IacValue,
} from './iacModel';
import { toBicep } from './toBicep';
import { toTerraform } from './toTerraform';

/**
 * The `iac` output: the connector as Bicep and as Terraform (azapi). Both come from the PUT the
 * ARM client would send (`previewPutSecurityConnector`), so they cannot drift from what the
 * action writes.
 */
export interface ConnectorIac {
  bicep: string;
  terraform: string;
}

/** The api-version the ARM client sends, read from its request URL. */
export function apiVersionOf(url: string): string {
  const version = new URL(url).searchParams.get('api-version');
  if (!version) {
    throw new TypeError(`The ARM request ${url} names no api-version`);
  }
  return version;
}

/**
 * The body's fields, in its order, with the credential as references. The token's value is never
 * read: the code holds a reference whatever the body carries (masked or not). `etag` is left out:
 * it pins the version the pre-flight read, and code is applied later, when that version may be
 * gone; a deployment or `terraform apply` is the writer then.
 */
export function resourceOf(body: SecurityConnectorPutBody): {
  [key: string]: IacValue;
} {
  const { etag: _etag, ...rest } = body;
  const credential = (key: string, value: IacValue) =>
    key === 'authentication' && value && typeof value === 'object'
      ? mapEntries(value, (k, v) => {
          if (k === 'accessToken') return new IacReference('accessToken');
          if (k === 'username') return new IacReference('username');
          return v;
        })
      : value;
  return mapEntries(rest, (key, value) =>
    key === 'properties'
      ? mapEntries(value as object, (k, v) =>
          k === 'environmentData' ? mapEntries(v as object, credential) : v,
        )
      : value,
  );
}

/** The connector of a PUT preview as Bicep and Terraform. */
export function connectorAsCode(
  preview: ArmRequestPreview,
  target: Omit<ConnectorIacModel, 'apiVersion' | 'resource' | 'username'>,
): ConnectorIac {
  const body = preview.body as SecurityConnectorPutBody;
  const model: ConnectorIacModel = {
    ...target,
    apiVersion: apiVersionOf(preview.url),
    username: body.properties.environmentData.authentication?.username ?? '',
    resource: resourceOf(body),
  };
  return { bicep: toBicep(model), terraform: toTerraform(model) };
}
