import type { Config } from '@backstage/config';
import type { DefenderForContainersConfig } from './DefenderForContainersConfig';
import { readDefenderConfig, readDefenderSettings } from './readDefenderConfig';

/**
 * `defenderForContainers` when it is configured, or what to configure when it is not. A present
 * but wrong config still fails startup (see `readDefenderConfig`); only its absence is tolerated,
 * so a backend can start before Azure is set up and say what is missing.
 * @public
 */
export type OptionalDefenderConfig =
  | { configured: true; config: DefenderForContainersConfig }
  | {
      configured: false;
      /** The config keys to set, e.g. `defenderForContainers.azure.subscriptions`. */
      missingKeys: string[];
      /** One sentence naming them, for error answers and logs. */
      message: string;
      /**
       * The Docker Hub endpoints and extra CA, which do not depend on Azure: checked like the
       * rest, defaults when not set.
       */
      dockerHub: DefenderForContainersConfig['dockerHub'];
      caFile?: string;
    };

const SUBSCRIPTIONS_KEY = 'defenderForContainers.azure.subscriptions';
const CREDENTIAL_KEY = 'defenderForContainers.azure.credential';

/**
 * Like `readDefenderConfig`, but absent subscriptions (no
 * `defenderForContainers.azure.subscriptions`, or an empty list) are an answer
 * (`configured: false`), not an error. Every other key that is set is still checked, so a
 * malformed one fails startup naming it.
 * @public
 */
export function readOptionalDefenderConfig(
  rootConfig: Config,
): OptionalDefenderConfig {
  const subscriptions = rootConfig.getOptional(SUBSCRIPTIONS_KEY);
  // An empty list is how adopters try to "turn it off"; it means the same as no list.
  const emptyList = Array.isArray(subscriptions) && subscriptions.length === 0;
  if (subscriptions !== undefined && !emptyList) {
    return { configured: true, config: readDefenderConfig(rootConfig) };
  }
  const { dockerHub, caFile } = readDefenderSettings(rootConfig);
  const missingKeys = [SUBSCRIPTIONS_KEY];
  if (!rootConfig.has(CREDENTIAL_KEY)) missingKeys.push(CREDENTIAL_KEY);
  return {
    configured: false,
    missingKeys,
    message: `Microsoft Defender for Containers is not configured: set ${SUBSCRIPTIONS_KEY} (the Azure subscriptions Backstage may read, at least one)${
      missingKeys.includes(CREDENTIAL_KEY)
        ? ` and ${CREDENTIAL_KEY} (how the backend signs in to Azure; without it DefaultAzureCredential is used)`
        : ''
    } in app-config`,
    dockerHub,
    ...(caFile ? { caFile } : {}),
  };
}
