import type { LoggerService } from '@backstage/backend-plugin-api';
import { describeError } from '../errors/describeError';
import type { DefenderActionsOptions } from './DefenderActionsOptions';

/** The connector is written either way; a late catalog entity is no reason to fail the task. */
export async function announceConnectorChange(
  options: DefenderActionsOptions,
  connectorId: string,
  logger: LoggerService,
): Promise<void> {
  if (!options.onConnectorChanged) return;
  try {
    await options.onConnectorChanged(connectorId);
  } catch (e) {
    logger.warn(
      `The catalog entity of ${connectorId} will update at the next scheduled refresh: ${describeError(
        e,
      )}`,
    );
  }
}
