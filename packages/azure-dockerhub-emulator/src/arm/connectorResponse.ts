import type { ConnectorRecord, JsonObject } from '../state/EmulatorState';
import { jsonClone } from '../util/jsonClone';

export const CONNECTOR_TYPE = 'Microsoft.Security/securityConnectors';

/** The readOnly `description` of the Docker Hub offerings, verbatim from the 2024-08-01-preview spec. */
const OFFERING_DESCRIPTIONS: Record<string, string> = {
  CspmMonitorDockerHub:
    'The CSPM (Cloud security posture management) monitoring for Docker Hub offering',
  DefenderForContainersDockerHub:
    'The Defender for containers Docker Hub offering configurations',
  DefenderCspmDockerHub:
    'The Defender for CSPM Docker Hub offering configurations',
};
const PAID_OFFERINGS = new Set([
  'DefenderForContainersDockerHub',
  'DefenderCspmDockerHub',
]);
const TRIAL_MS = 30 * 86_400_000;

/**
 * The resource as ARM returns it. `echoAccessToken` puts the stored token back into
 * `authentication`, the worst case the spec allows (accessToken is neither readOnly nor
 * x-ms-secret); never used for `state()`, Resource Graph or logs.
 */
export function connectorResponse(
  rec: ConnectorRecord,
  options: { echoAccessToken?: boolean } = {},
): JsonObject {
  const properties = jsonClone(rec.properties);
  const auth = properties.environmentData?.authentication;
  const secret = rec.credentials[rec.credentials.length - 1]?.secret;
  if (
    options.echoAccessToken &&
    auth &&
    typeof auth === 'object' &&
    secret !== undefined
  ) {
    auth.accessToken = secret;
  }
  if (Array.isArray(properties.offerings)) {
    properties.offerings = properties.offerings.map((o: JsonObject) =>
      OFFERING_DESCRIPTIONS[o.offeringType]
        ? { ...o, description: OFFERING_DESCRIPTIONS[o.offeringType] }
        : o,
    );
    // Spec: "Trial period exists for 30 days after upgrading to payed offerings."
    if (
      properties.offerings.some((o: JsonObject) =>
        PAID_OFFERINGS.has(o.offeringType),
      )
    ) {
      properties.hierarchyIdentifierTrialEndDate = new Date(
        rec.createdAt + TRIAL_MS,
      ).toISOString();
    }
  }
  const body: JsonObject = {
    id: rec.id,
    name: rec.name,
    type: CONNECTOR_TYPE,
    location: rec.location,
    etag: rec.etag,
    tags: { ...rec.tags },
    systemData: {
      createdBy: rec.createdBy,
      createdByType: rec.createdByType,
      createdAt: new Date(rec.createdAt).toISOString(),
      lastModifiedBy: rec.lastModifiedBy,
      lastModifiedByType: rec.lastModifiedByType,
      lastModifiedAt: new Date(rec.lastModifiedAt).toISOString(),
    },
    properties,
  };
  if (rec.kind) body.kind = rec.kind;
  return body;
}
