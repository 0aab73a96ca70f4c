import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CONNECTOR_ID as CONNECTOR_ID_KEY,
  ANNOTATION_DOCKERHUB_ORGANIZATION as ORGANIZATION_KEY,
  ANNOTATION_DOCKERHUB_REPOSITORY as REPOSITORY_KEY,
} from './annotations';
import type { IgnoredAnnotation } from './health';

/**
 * An annotation longer than this is not read at all (catalog entities are user-editable YAML).
 * @public
 */
export const MAX_ANNOTATION_LENGTH = 4096;
/**
 * Values per annotation beyond this are ignored, with one reason for all of them.
 * @public
 */
export const MAX_ANNOTATION_VALUES = 50;
/** How much of a bad value is echoed back in a reason. */
const ECHO_LIMIT = 200;

/** Docker Hub namespaces: what the onboarding template accepts (lower-case; Hub is case-insensitive). */
const ORGANIZATION = /^[a-z0-9][a-z0-9_-]{1,254}$/;
/** Docker Hub repository names: lower-case letters and digits, separated by single `.`, `_` or `-`. */
const REPOSITORY_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONNECTOR_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([-\w._()]{1,90})\/providers\/Microsoft\.Security\/securityConnectors\/([A-Za-z0-9][A-Za-z0-9_.-]{0,259})$/i;
const MAX_CONNECTOR_ID_LENGTH = 512;

/**
 * The parts of a security connector's ARM id, or `undefined` when the text is not one (wrong
 * shape, subscription not a GUID, resource group or name with characters ARM does not allow).
 * @public
 */
export function readConnectorId(
  id: string,
): { subscriptionId: string; resourceGroup: string; name: string } | undefined {
  if (id.length > MAX_CONNECTOR_ID_LENGTH) return undefined;
  const m = CONNECTOR_ID.exec(id);
  if (!m || !GUID.test(m[1])) return undefined;
  return { subscriptionId: m[1], resourceGroup: m[2], name: m[3] };
}

/**
 * An entity's Defender annotations, every value checked: what can be used, and a reason for
 * each value that cannot.
 * @public
 */
export interface DefenderAnnotationReading {
  /** Organizations named directly plus those of the named repositories (lower-case). */
  organizations: string[];
  /** Organizations named directly in the organization annotation. */
  namedOrganizations: string[];
  /** `org/repo`, lower-case. */
  repositories: string[];
  /** ARM ids as written. */
  connectorIds: string[];
  ignored: IgnoredAnnotation[];
}

function echo(value: string): string {
  return value.length > ECHO_LIMIT ? `${value.slice(0, ECHO_LIMIT)}…` : value;
}

/** Control characters, non-ASCII look-alikes and invisible characters have no place in these names. */
function hasNonPrintableAscii(value: string): boolean {
  return /[^\x21-\x7e]/.test(value);
}

function readList(
  entity: Entity,
  key: string,
  ignored: IgnoredAnnotation[],
): string[] {
  const raw = entity.metadata.annotations?.[key];
  if (raw === undefined) return [];
  if (typeof raw !== 'string') {
    ignored.push({ annotation: key, value: '', reason: 'not a text value' });
    return [];
  }
  if (raw.length > MAX_ANNOTATION_LENGTH) {
    ignored.push({
      annotation: key,
      value: echo(raw),
      reason: `the annotation is ${raw.length} characters long; at most ${MAX_ANNOTATION_LENGTH} are read`,
    });
    return [];
  }
  const values = [
    ...new Set(
      raw
        .split(',')
        .map(v => v.trim())
        .filter(Boolean),
    ),
  ];
  if (values.length > MAX_ANNOTATION_VALUES) {
    const rest = values.splice(MAX_ANNOTATION_VALUES);
    ignored.push({
      annotation: key,
      value: echo(rest.join(',')),
      reason: `${rest.length} more values ignored: at most ${MAX_ANNOTATION_VALUES} values per annotation are read`,
    });
  }
  return values;
}

/**
 * Reads and checks an entity's Defender annotations. Never throws: every value that is
 * malformed or too large is left out with a reason, so the entity card can say what to fix.
 * Docker Hub names are compared case-insensitively and returned lower-case.
 * @public
 */
export function readDefenderAnnotations(
  entity: Entity,
): DefenderAnnotationReading {
  const ignored: IgnoredAnnotation[] = [];
  const skip = (annotation: string, value: string, reason: string) =>
    ignored.push({ annotation, value: echo(value), reason });

  const namedOrganizations: string[] = [];
  for (const value of readList(entity, ORGANIZATION_KEY, ignored)) {
    const org = value.toLowerCase();
    if (hasNonPrintableAscii(value)) {
      skip(
        ORGANIZATION_KEY,
        value,
        'contains a space, a non-ASCII or an invisible character',
      );
    } else if (!ORGANIZATION.test(org)) {
      skip(
        ORGANIZATION_KEY,
        value,
        "not a Docker Hub organization name: 2–255 letters, digits, '-' or '_', starting with a letter or digit",
      );
    } else if (!namedOrganizations.includes(org)) {
      namedOrganizations.push(org);
    }
  }

  const repositories: string[] = [];
  for (const value of readList(entity, REPOSITORY_KEY, ignored)) {
    const repo = value.toLowerCase();
    const [org, name, ...more] = repo.split('/');
    if (hasNonPrintableAscii(value)) {
      skip(
        REPOSITORY_KEY,
        value,
        'contains a space, a non-ASCII or an invisible character',
      );
    } else if (/[:@]/.test(repo)) {
      skip(
        REPOSITORY_KEY,
        value,
        'name the repository without a tag or digest, e.g. acme/payments-api',
      );
    } else if (
      more.length > 0 ||
      name === undefined ||
      !ORGANIZATION.test(org) ||
      name.length > 255 ||
      !REPOSITORY_NAME.test(name)
    ) {
      skip(
        REPOSITORY_KEY,
        value,
        'not a Docker Hub repository: expected <organization>/<repository>, lower-case letters, digits and single . _ - separators',
      );
    } else if (!repositories.includes(repo)) {
      repositories.push(repo);
    }
  }

  const connectorIds: string[] = [];
  for (const value of readList(entity, CONNECTOR_ID_KEY, ignored)) {
    if (hasNonPrintableAscii(value) || !readConnectorId(value)) {
      skip(
        CONNECTOR_ID_KEY,
        value,
        'not a security connector id: expected /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Security/securityConnectors/<name>',
      );
    } else if (
      !connectorIds.some(id => id.toLowerCase() === value.toLowerCase())
    ) {
      connectorIds.push(value);
    }
  }

  const organizations = [...namedOrganizations];
  for (const repo of repositories) {
    const org = repo.split('/')[0];
    if (!organizations.includes(org)) organizations.push(org);
  }
  return {
    organizations,
    namedOrganizations,
    repositories,
    connectorIds,
    ignored,
  };
}

/**
 * What an entity's Defender annotations point at, checked and normalised: organizations include
 * those of the named repositories, Docker Hub names are lower-cased. Malformed values are left
 * out (`readDefenderAnnotations` also says why).
 * @public
 */
export interface DefenderEntityTargets {
  organizations: string[];
  repositories: string[];
  connectorIds: string[];
}

/** @public */
export function getDefenderEntityTargets(
  entity: Entity,
): DefenderEntityTargets {
  const { organizations, repositories, connectorIds } =
    readDefenderAnnotations(entity);
  return { organizations, repositories, connectorIds };
}
