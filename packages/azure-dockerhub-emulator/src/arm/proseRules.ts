import type {
  ConnectorRecord,
  EmulatorState,
  JsonObject,
} from '../state/EmulatorState';

/**
 * Rules Microsoft states in prose (REST reference text, product documentation, the ARM resource
 * provider contract) that the OpenAPI specs do not encode. Each check returns the ARM error to
 * answer with, or undefined. Where Azure's error for a rule is undocumented, the check refuses
 * anyway (the stricter behaviour) with a code of ours; the README's "Rules from Microsoft's prose
 * documentation" lists every rule, its error and its public source.
 */
export interface ProseViolation {
  status: number;
  code: string;
  message: string;
  target?: string;
}

/** Offerings the 2024-08-01-preview spec describes as Docker Hub offerings (the portal's three plans). */
export const DOCKER_HUB_OFFERINGS = [
  'CspmMonitorDockerHub',
  'DefenderForContainersDockerHub',
  'DefenderCspmDockerHub',
];

// Tag limits: Learn "Use tags to organize your Azure resources" (Limitations) and the ARM RPC.
const MAX_TAGS = 50;
const MAX_TAG_NAME = 512;
const MAX_TAG_VALUE = 256;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const TAG_NAME_RESERVED = /[<>%&\\?/]/;
// Resource names (ARM RPC: `<>%&:\?/` and control characters, at most 260; Learn: never `#`).
const MAX_RESOURCE_NAME = 260;
const RESOURCE_NAME_RESERVED = /[<>%&:\\?/#]/;
const SCAN_INTERVAL_HOURS = { min: 1, max: 24 };

const invalidContent = (target: string, message: string): ProseViolation => ({
  status: 400,
  code: 'InvalidRequestContent',
  message: `The request content was invalid: ${message}`,
  target,
});

/** ARM compares regions ignoring case and blanks: `West Europe` = `westeurope`. */
export const normalizedLocation = (location: string) =>
  location.toLowerCase().replace(/\s+/g, '');

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

export const proseRules = {
  /** ARM RPC, "Arguments for CRUD on Resource": what a resource name may not contain, and its length. */
  resourceName(name: string): ProseViolation | undefined {
    if (
      name.length >= 1 &&
      name.length <= MAX_RESOURCE_NAME &&
      !RESOURCE_NAME_RESERVED.test(name) &&
      !CONTROL_CHARACTERS.test(name)
    ) {
      return undefined;
    }
    return {
      status: 400,
      code: 'InvalidResourceName',
      message: `The resource name '${name}' is invalid. A resource name has 1 to ${MAX_RESOURCE_NAME} characters and cannot contain '<', '>', '%', '&', ':', '\\', '?', '/', '#' or control characters.`,
      target: 'securityConnectorName',
    };
  },

  /** ARM RPC and Learn resource-name-rules: a resource group name cannot end with a period. */
  resourceGroupName(name: string): ProseViolation | undefined {
    if (!name.endsWith('.')) return undefined;
    return {
      status: 400,
      code: 'InvalidResourceGroupName',
      message: `The resource group name '${name}' is invalid. A resource group name cannot end with a period.`,
      target: 'resourceGroupName',
    };
  },

  /** The names in a connector's path, checked on every operation that addresses one connector. */
  pathNames(
    resourceGroupName: string,
    name: string,
  ): ProseViolation | undefined {
    return (
      proseRules.resourceGroupName(resourceGroupName) ??
      proseRules.resourceName(name)
    );
  },

  /** ARM RPC, PUT request body: `location` is required for a tracked resource. */
  locationRequired(body: JsonObject): ProseViolation | undefined {
    if (typeof body.location === 'string' && body.location) return undefined;
    return {
      status: 400,
      code: 'LocationRequired',
      message: 'The location property is required for this definition.',
    };
  },

  /** ARM RPC: "The geo region of a resource never changes after it is created" (PUT and PATCH). */
  locationUnchanged(
    existing: ConnectorRecord,
    location: unknown,
  ): ProseViolation | undefined {
    if (
      typeof location !== 'string' ||
      normalizedLocation(existing.location) === normalizedLocation(location)
    ) {
      return undefined;
    }
    return {
      status: 400,
      code: 'InvalidResourceLocation',
      message: `The resource '${existing.name}' already exists in location '${existing.location}' in resource group '${existing.resourceGroup}'. A resource with the same name cannot be created in location '${location}'. Please select a new resource name.`,
      target: 'location',
    };
  },

  /** Learn tag-resources, Limitations (and the ARM RPC): count, lengths, reserved characters, case. */
  tags(tags: unknown): ProseViolation | undefined {
    if (!isObject(tags)) return undefined;
    const entries = Object.entries(tags);
    if (entries.length > MAX_TAGS) {
      return {
        status: 400,
        code: 'InvalidTags',
        message: `Too many tags specified. Requested tag count - '${entries.length}'. Maximum number of tags allowed - '${MAX_TAGS}'.`,
        target: 'tags',
      };
    }
    const reserved = entries
      .map(([name]) => name)
      .filter(n => TAG_NAME_RESERVED.test(n) || CONTROL_CHARACTERS.test(n));
    if (reserved.length) {
      return {
        status: 400,
        code: 'InvalidTagNameCharacters',
        message: `The tag names '${reserved.join(
          ', ',
        )}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`,
        target: 'tags',
      };
    }
    const longName = entries.find(([name]) => name.length > MAX_TAG_NAME);
    if (longName) {
      return {
        status: 400,
        code: 'InvalidTagName',
        message: `Tag key too large. Following tag name '${longName[0]}' exceeded the maximum length. Maximum allowed length for tag name - '${MAX_TAG_NAME}' characters.`,
        target: 'tags',
      };
    }
    const longValue = entries.find(
      ([, value]) => String(value).length > MAX_TAG_VALUE,
    );
    if (longValue) {
      return {
        status: 400,
        code: 'InvalidTagValueLength',
        message: `Tag value too large. Following tag value '${longValue[1]}' exceeded the maximum length. Maximum allowed length for tag value - '${MAX_TAG_VALUE}' characters.`,
        target: `tags.${longValue[0]}`,
      };
    }
    const seen = new Map<string, string>();
    for (const [name] of entries) {
      const twin = seen.get(name.toLowerCase());
      if (twin !== undefined) {
        return {
          status: 400,
          code: 'InvalidTagName',
          message: `Tag names are case-insensitive: '${twin}' and '${name}' name the same tag, and a tag name can have only one value.`,
          target: 'tags',
        };
      }
      seen.set(name.toLowerCase(), name);
    }
    return undefined;
  },

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

/** The first violation of the checks, run in order (later checks may assume earlier ones held). */
export function firstViolation(
  ...checks: Array<() => ProseViolation | undefined>
): ProseViolation | undefined {
  for (const check of checks) {
    const violation = check();
    if (violation) return violation;
  }
  return undefined;
}
