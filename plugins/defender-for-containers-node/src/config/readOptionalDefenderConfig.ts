import type { Config } from '@backstage/config';
import type { DefenderForContainersConfig } from './DefenderForContainersConfig';
import { readDefenderConfig } from './readDefenderConfig';

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
    };

const SUBSCRIPTIONS_KEY = 'defenderForContainers.azure.subscriptions';
const CREDENTIAL_KEY = 'defenderForContainers.azure.credential';

/**
 * Like `readDefenderConfig`, but an absent `defenderForContainers.azure.subscriptions` is an
 * answer (`configured: false`), not an error.
 * @public
 */
export function readOptionalDefenderConfig(
  rootConfig: Config,
): OptionalDefenderConfig {
  if (rootConfig.has(SUBSCRIPTIONS_KEY)) {
    return { configured: true, config: readDefenderConfig(rootConfig) };
  }
  const missingKeys = [SUBSCRIPTIONS_KEY];
  if (!rootConfig.has(CREDENTIAL_KEY)) missingKeys.push(CREDENTIAL_KEY);
  return {
    configured: false,
    missingKeys,
    message: `Microsoft Defender for Containers is not configured: set ${SUBSCRIPTIONS_KEY} (the Azure subscriptions Backstage may read)${
      missingKeys.includes(CREDENTIAL_KEY)
        ? ` and ${CREDENTIAL_KEY} (how the backend signs in to Azure; without it DefaultAzureCredential is used)`
        : ''
    } in app-config`,
  };
}
