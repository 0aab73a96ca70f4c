import type {
  ConnectorRecord,
  EmulatorState,
  JsonObject,
} from '../state/EmulatorState';
import type { ProseViolation } from './ProseViolation';

/** Offerings the 2024-08-01-preview spec describes as Docker Hub offerings (the portal's three plans). */
export const DOCKER_HUB_OFFERINGS = [
  'CspmMonitorDockerHub',
  'DefenderForContainersDockerHub',
  'DefenderCspmDockerHub',
];

const SCAN_INTERVAL_HOURS = { min: 1, max: 24 };

const invalidContent = (target: string, message: string): ProseViolation => ({
  status: 400,
  code: 'InvalidRequestContent',
  message: `The request content was invalid: ${message}`,
  target,
});

/** Whether a body's properties describe a Docker Hub connector in any of its parts. */
function mentionsDockerHub(properties: JsonObject): boolean {
  const offerings = Array.isArray(properties.offerings)
    ? properties.offerings
    : [];
  return (
    properties.environmentName === 'DockerHub' ||
    properties.environmentData?.environmentType === 'DockerHubOrganization' ||
    offerings.some((o: JsonObject) =>
      DOCKER_HUB_OFFERINGS.includes(o?.offeringType),
    )
  );
}

const organizationOf = (properties: JsonObject) =>
  typeof properties.hierarchyIdentifier === 'string'
    ? properties.hierarchyIdentifier.trim().toLowerCase()
    : '';

/** Rules on Docker Hub connectors from the Defender for Cloud documentation (see proseRules.ts). */
export const dockerHubConnectorRules = {
  /**
   * A Docker Hub connector, as the 2024-08-01-preview spec describes its parts and Learn its
   * wizard: DockerHub environment data, Docker Hub offerings only, the organization it connects
   * (`hierarchyIdentifier`) and a scan interval of 1 to 24 hours.
   */
  dockerHubProperties(properties: JsonObject): ProseViolation | undefined {
    if (!mentionsDockerHub(properties)) return undefined;
    if (properties.environmentName !== 'DockerHub') {
      return invalidContent(
        'properties.environmentName',
        `a connector with Docker Hub environment data or offerings must have environmentName 'DockerHub', not '${
          properties.environmentName ?? ''
        }'.`,
      );
    }
    const data = properties.environmentData;
    if (data?.environmentType !== 'DockerHubOrganization') {
      return invalidContent(
        'properties.environmentData.environmentType',
        `a Docker Hub connector needs environmentData of environmentType 'DockerHubOrganization', not '${
          data?.environmentType ?? 'none'
        }'.`,
      );
    }
    const offerings: JsonObject[] = Array.isArray(properties.offerings)
      ? properties.offerings
      : [];
    const foreign = offerings.findIndex(
      o => !DOCKER_HUB_OFFERINGS.includes(o?.offeringType),
    );
    if (foreign >= 0) {
      return invalidContent(
        `properties.offerings[${foreign}].offeringType`,
        `offering '${
          offerings[foreign]?.offeringType
        }' is not a Docker Hub offering; a Docker Hub connector takes ${DOCKER_HUB_OFFERINGS.join(
          ', ',
        )}.`,
      );
    }
    if (!organizationOf(properties)) {
      return invalidContent(
        'properties.hierarchyIdentifier',
        'a Docker Hub connector needs hierarchyIdentifier, the name of the Docker Hub organization it connects.',
      );
    }
    const interval = data.scanInterval;
    if (
      interval !== undefined &&
      (interval < SCAN_INTERVAL_HOURS.min || interval > SCAN_INTERVAL_HOURS.max)
    ) {
      return invalidContent(
        'properties.environmentData.scanInterval',
        `property 'properties.environmentData.scanInterval' is ${interval}; the scan interval is in hours, between ${SCAN_INTERVAL_HOURS.min} and ${SCAN_INTERVAL_HOURS.max}.`,
      );
    }
    return undefined;
  },

  /**
   * Learn: "Each Docker Hub connector corresponds to one Docker Hub organization"; Docker: an
   * organization's name cannot change. So an existing Docker Hub connector keeps its environment
   * and its organization (compared case-insensitively).
   */
  keepsOrganization(
    existing: ConnectorRecord,
    properties: JsonObject,
  ): ProseViolation | undefined {
    if (existing.properties.environmentName !== 'DockerHub') return undefined;
    const change = (
      target: string,
      from: unknown,
      to: unknown,
    ): ProseViolation => ({
      status: 400,
      code: 'PropertyChangeNotAllowed',
      message: `Changing property '${target}' of security connector '${
        existing.name
      }' from '${from}' to '${
        to ?? ''
      }' is not allowed: a Docker Hub connector corresponds to one Docker Hub organization. Connect another organization with a new connector.`,
      target,
    });
    if (properties.environmentName !== 'DockerHub') {
      return change(
        'properties.environmentName',
        'DockerHub',
        properties.environmentName,
      );
    }
    if (organizationOf(properties) !== organizationOf(existing.properties)) {
      return change(
        'properties.hierarchyIdentifier',
        existing.properties.hierarchyIdentifier,
        properties.hierarchyIdentifier,
      );
    }
    return undefined;
  },

  /**
   * Learn prerequisite: "Enable Microsoft Defender for Containers or Defender CSPM for at least
   * one subscription". Checked when a Docker Hub connector is created.
   */
  defenderPlanEnabled(
    state: EmulatorState,
    properties: JsonObject,
  ): ProseViolation | undefined {
    if (properties.environmentName !== 'DockerHub') return undefined;
    const subscriptions = [...state.subscriptions.values()];
    if (
      subscriptions.some(
        s =>
          s.plans.Containers === 'Standard' ||
          s.plans.CloudPosture === 'Standard',
      )
    )
      return undefined;
    return {
      status: 400,
      code: 'DefenderPlanNotEnabled',
      message:
        'A Docker Hub environment can be onboarded only when Defender for Containers or Defender CSPM is enabled on at least one subscription of the tenant (pricings Containers or CloudPosture at the Standard tier); none is.',
    };
  },

  /**
   * Learn: "Each environment corresponds to a distinct Docker Hub organization", "Only one
   * subscription can be linked to a Docker Hub environment instance": one Docker Hub connector per
   * organization across all subscriptions of the tenant.
   */
  onePerOrganization(
    state: EmulatorState,
    id: string,
    properties: JsonObject,
  ): ProseViolation | undefined {
    if (properties.environmentName !== 'DockerHub') return undefined;
    const org = organizationOf(properties);
    if (!org) return undefined;
    for (const other of state.connectors.values()) {
      if (other.id.toLowerCase() === id.toLowerCase()) continue;
      if (
        other.properties.environmentName === 'DockerHub' &&
        organizationOf(other.properties) === org
      ) {
        return {
          status: 409,
          code: 'Conflict',
          message: `Docker Hub organization '${properties.hierarchyIdentifier}' is already connected by security connector '${other.id}'. Each Docker Hub organization can be onboarded by one security connector only.`,
        };
      }
    }
    return undefined;
  },
};
