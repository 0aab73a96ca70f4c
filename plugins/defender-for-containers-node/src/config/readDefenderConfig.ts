import { ConfigReader, type Config } from '@backstage/config';
import {
  DEFAULT_AZURE_PORTAL_URL,
  type AllowedSubscription,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type {
  AzureCredentialConfig,
  DefenderForContainersConfig,
} from './DefenderForContainersConfig';

const ROOT = 'defenderForContainers';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_GROUP = /^[-\w._()]{1,90}$/;
const CREDENTIAL_TYPES = [
  'default',
  'clientSecret',
  'managedIdentity',
  'workloadIdentity',
] as const;

/** The public clouds' defaults; the local stack points these at the emulator. */
const DEFAULTS = {
  armEndpoint: 'https://management.azure.com',
  authorityHost: 'https://login.microsoftonline.com',
  apiUrl: 'https://hub.docker.com',
  registryAuthUrl: 'https://auth.docker.io/token',
  registryService: 'registry.docker.io',
};

function invalid(key: string, problem: string): Error {
  return new Error(`Invalid config at '${key}': ${problem}`);
}

/** An optional switch that defaults to false; anything but a boolean fails startup naming the key. */
function readBoolean(config: Config, key: string): boolean {
  const value = config.getOptional(key);
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw invalid(
      `${ROOT}.${key}`,
      `must be true or false, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Tokens and tokens' holders only ever travel over TLS, so every endpoint must be https. */
function httpsUrl(config: Config, key: string, fallback: string): string {
  const value = config.getOptionalString(key);
  if (value === undefined) return fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`${ROOT}.${key}`, `'${value}' is not a URL`);
  }
  if (url.protocol !== 'https:') {
    throw invalid(
      `${ROOT}.${key}`,
      `must be an https:// URL (tokens are sent to it), got '${value}'`,
    );
  }
  return value.replace(/\/+$/, '');
}

/**
 * The portal of each sovereign cloud, by its ARM host (Azure Government:
 * https://learn.microsoft.com/azure/azure-government/compare-azure-government-global-azure ;
 * Azure operated by 21Vianet: https://learn.microsoft.com/azure/china/resources-developer-guide).
 * Any other host (the public cloud, an emulator) links to the public portal.
 */
const SOVEREIGN_PORTALS: Record<string, string> = {
  'management.usgovcloudapi.net': 'https://portal.azure.us',
  'management.chinacloudapi.cn': 'https://portal.azure.cn',
};
const TENANT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9.-]*\.[a-z]{2,})$/i;

function readTenantId(
  config: Config,
  credential: AzureCredentialConfig,
): string | undefined {
  const tenantId = config.getOptionalString('azure.tenantId');
  if (tenantId !== undefined && !TENANT.test(tenantId)) {
    throw invalid(
      `${ROOT}.azure.tenantId`,
      `'${tenantId}' is neither a tenant id (GUID) nor a domain such as contoso.onmicrosoft.com`,
    );
  }
  return (
    tenantId ?? ('tenantId' in credential ? credential.tenantId : undefined)
  );
}

function readCredential(config: Config): AzureCredentialConfig {
  const key = `${ROOT}.azure.credential`;
  const c = config.getOptionalConfig('azure.credential');
  if (!c) return { type: 'default' };
  const type = c.getString('type');
  if (!(CREDENTIAL_TYPES as readonly string[]).includes(type)) {
    throw invalid(
      `${key}.type`,
      `'${type}' is not one of ${CREDENTIAL_TYPES.join(', ')}`,
    );
  }
  const tenantId = c.getOptionalString('tenantId');
  const clientId = c.getOptionalString('clientId');
  switch (type) {
    case 'clientSecret': {
      for (const [name, value] of Object.entries({
        tenantId,
        clientId,
        clientSecret: c.getOptionalString('clientSecret'),
      })) {
        if (!value) {
          throw invalid(
            `${key}.${name}`,
            'required when the credential type is clientSecret',
          );
        }
      }
      return {
        type,
        tenantId: tenantId!,
        clientId: clientId!,
        clientSecret: c.getString('clientSecret'),
      };
    }
    case 'managedIdentity':
      return { type, clientId };
    case 'workloadIdentity':
      return { type, tenantId, clientId };
    default:
      return { type: 'default', tenantId, clientId };
  }
}

function readSubscriptions(config: Config): AllowedSubscription[] {
  const entries = config.getConfigArray('azure.subscriptions');
  if (entries.length === 0) {
    throw invalid(
      `${ROOT}.azure.subscriptions`,
      'list at least one subscription the plugins may use',
    );
  }
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const key = `${ROOT}.azure.subscriptions[${i}]`;
    const id = entry.getString('id');
    if (!GUID.test(id)) {
      throw invalid(`${key}.id`, `'${id}' is not a subscription id (GUID)`);
    }
    if (seen.has(id.toLowerCase())) {
      throw invalid(`${key}.id`, `subscription ${id} is listed twice`);
    }
    seen.add(id.toLowerCase());
    const resourceGroups = entry.getOptionalStringArray('resourceGroups') ?? [];
    const defaults = entry.getOptionalConfig('defaults');
    const defaultResourceGroup =
      defaults?.getOptionalString('resourceGroup') ?? resourceGroups[0];
    for (const rg of [...resourceGroups, defaultResourceGroup]) {
      if (rg !== undefined && !RESOURCE_GROUP.test(rg)) {
        throw invalid(`${key}`, `'${rg}' is not a valid resource group name`);
      }
    }
    const scanIntervalHours = defaults?.getOptionalNumber('scanIntervalHours');
    if (
      scanIntervalHours !== undefined &&
      !(
        Number.isInteger(scanIntervalHours) &&
        scanIntervalHours >= 1 &&
        scanIntervalHours <= 24
      )
    ) {
      throw invalid(
        `${key}.defaults.scanIntervalHours`,
        `must be a whole number of hours from 1 to 24, got ${scanIntervalHours}`,
      );
    }
    return {
      id,
      displayName: entry.getOptionalString('displayName') ?? id,
      resourceGroups:
        defaultResourceGroup && !resourceGroups.includes(defaultResourceGroup)
          ? [defaultResourceGroup, ...resourceGroups]
          : resourceGroups,
      defaults: {
        resourceGroup: defaultResourceGroup,
        location: defaults?.getOptionalString('location'),
        scanIntervalHours,
        defenderForContainers: defaults?.getOptionalBoolean(
          'defenderForContainers',
        ),
        defenderCspm: defaults?.getOptionalBoolean('defenderCspm'),
      },
    };
  });
}

/**
 * Everything of `defenderForContainers` but the subscriptions, checked: a malformed endpoint,
 * credential or CA file fails startup naming the key even while the subscriptions are not set.
 * @internal
 */
export function readDefenderSettings(rootConfig: Config): Omit<
  DefenderForContainersConfig,
  'azure'
> & {
  azure: Omit<DefenderForContainersConfig['azure'], 'subscriptions'>;
} {
  const config = rootConfig.getOptionalConfig(ROOT) ?? new ConfigReader({});
  const armEndpoint = httpsUrl(
    config,
    'azure.armEndpoint',
    DEFAULTS.armEndpoint,
  );
  const credential = readCredential(config);
  const tenantId = readTenantId(config, credential);
  return {
    azure: {
      armEndpoint,
      authorityHost: httpsUrl(
        config,
        'azure.authorityHost',
        DEFAULTS.authorityHost,
      ),
      credential,
      portal: {
        baseUrl:
          SOVEREIGN_PORTALS[new URL(armEndpoint).host] ??
          DEFAULT_AZURE_PORTAL_URL,
        ...(tenantId ? { tenantId } : {}),
      },
    },
    dockerHub: {
      apiUrl: httpsUrl(config, 'dockerHub.apiUrl', DEFAULTS.apiUrl),
      registryAuthUrl: httpsUrl(
        config,
        'dockerHub.registryAuthUrl',
        DEFAULTS.registryAuthUrl,
      ),
      registryService:
        config.getOptionalString('dockerHub.registryService') ??
        DEFAULTS.registryService,
      allowUnprovenReadOnly: readBoolean(
        config,
        'dockerHub.allowUnprovenReadOnly',
      ),
    },
    caFile: config.getOptionalString('caFile'),
  };
}

/**
 * Reads and checks `defenderForContainers` once. Throws at startup with the offending key, so a
 * misconfiguration never surfaces later as a confusing Azure or Docker Hub error.
 * @public
 */
export function readDefenderConfig(
  rootConfig: Config,
): DefenderForContainersConfig {
  const config = rootConfig.getOptionalConfig(ROOT);
  if (!config) {
    throw new Error(
      `Missing required config value at '${ROOT}.azure.subscriptions': configure the Azure subscriptions the Defender for Containers plugins may use`,
    );
  }
  const settings = readDefenderSettings(rootConfig);
  return {
    ...settings,
    azure: { ...settings.azure, subscriptions: readSubscriptions(config) },
  };
}
