import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CONNECTOR_ID,
  ANNOTATION_DOCKERHUB_ORGANIZATION,
  CONNECTOR_ENTITY_TYPE,
  CONNECTOR_TAG_OWNER,
  CONNECTOR_TAG_SYSTEM,
  connectorEntityName,
  connectorPortalUrl,
  type AzurePortal,
} from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * The connector provider's name; its entities' `backstage.io/managed-by-location` begins with it,
 * which the per-team read scope relies on.
 */
export const CONNECTOR_PROVIDER_NAME = 'defender-for-containers-connectors';

/** What the provider needs to know of a Docker Hub connector listed from ARM. */
export interface ConnectorRecord {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  organization: string;
  tags: Record<string, string>;
  scanIntervalHours?: number;
  offerings: string[];
}

/** Valid entity ref parts only: a tag edited by hand in Azure must not break ingestion. */
const REF =
  /^([a-z]+:)?([a-z0-9][a-z0-9._-]*\/)?[a-z0-9A-Z][a-z0-9A-Z._-]{0,62}$/;

/**
 * The connector's owner: its `backstage-owner` tag when that is a valid ref, else the configured
 * default; undefined when neither exists (a Resource entity cannot be without an owner).
 */
export function connectorOwner(
  connector: ConnectorRecord,
  defaultOwner: string | undefined,
): string | undefined {
  const owner = connector.tags[CONNECTOR_TAG_OWNER];
  return owner && REF.test(owner) ? owner : defaultOwner;
}

export function connectorToEntity(
  connector: ConnectorRecord,
  options: { owner: string; providerName: string; portal?: AzurePortal },
): Entity {
  const system = connector.tags[CONNECTOR_TAG_SYSTEM];
  const location = `${options.providerName}:${connector.id.toLowerCase()}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: connectorEntityName(connector.organization),
      title: `Defender connector: Docker Hub ${connector.organization}`,
      description: `Microsoft Defender for Containers connector ${connector.name} (subscription ${connector.subscriptionId}, resource group ${connector.resourceGroup}) scanning the Docker Hub organization ${connector.organization}.`,
      annotations: {
        [ANNOTATION_CONNECTOR_ID]: connector.id,
        [ANNOTATION_DOCKERHUB_ORGANIZATION]: connector.organization,
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
      links: [
        {
          url: connectorPortalUrl(connector.id, options.portal),
          title: 'Open in the Azure portal',
        },
      ],
      tags: ['defender', 'docker-hub'],
    },
    spec: {
      type: CONNECTOR_ENTITY_TYPE,
      owner: options.owner,
      ...(system && REF.test(system) ? { system } : {}),
    },
  };
}
