import type { ConnectorRecord, JsonObject } from '../state/EmulatorState';
import type { ProseViolation } from './ProseViolation';

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

/** ARM compares regions ignoring case and blanks: `West Europe` = `westeurope`. */
export const normalizedLocation = (location: string) =>
  location.toLowerCase().replace(/\s+/g, '');

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The ARM resource provider contract's rules on names, location and tags (see proseRules.ts). */
export const armResourceRules = {
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
      armResourceRules.resourceGroupName(resourceGroupName) ??
      armResourceRules.resourceName(name)
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
};
