import { mockServices } from '@backstage/backend-test-utils';
import type { EventParams, EventsService } from '@backstage/plugin-events-node';
import { CONNECTORS_CHANGED_TOPIC } from '@defender-backstage/plugin-defender-for-containers-common';
import { refreshOnConnectorChanges } from './refreshOnConnectorChanges';

const ALLOWED = 'aaaaaaaa-0000-0000-0000-000000000001';
const FOREIGN = 'bbbbbbbb-0000-0000-0000-000000000002';
const idIn = (sub: string) =>
  `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme`;

async function setUp(refreshConnector = jest.fn(async () => ({ ok: true }))) {
  let handler: ((e: EventParams) => Promise<void>) | undefined;
  const events = {
    publish: jest.fn(),
    subscribe: jest.fn(async ({ topics, onEvent }) => {
      expect(topics).toEqual([CONNECTORS_CHANGED_TOPIC]);
      handler = onEvent;
    }),
  } as unknown as EventsService;
  const logger = mockServices.logger.mock();
  await refreshOnConnectorChanges({
    events,
    refresher: { refreshConnector },
    subscriptions: [{ id: ALLOWED.toUpperCase() }],
    logger,
  });
  const send = (eventPayload: unknown) =>
    handler!({ topic: CONNECTORS_CHANGED_TOPIC, eventPayload });
  return { send, refreshConnector, logger };
}

describe('refreshOnConnectorChanges', () => {
  it('reads a connector announced by onboarding at once', async () => {
    const { send, refreshConnector } = await setUp();
    await send({ connectorId: idIn(ALLOWED) });
    expect(refreshConnector).toHaveBeenCalledWith(idIn(ALLOWED));
  });

  it('never reads a subscription Backstage is not configured for, nor a malformed id', async () => {
    const { send, refreshConnector } = await setUp();
    await send({ connectorId: idIn(FOREIGN) });
    await send({ connectorId: '/subscriptions/x/../../etc' });
    await send({ connectorId: 42 });
    await send(undefined);
    expect(refreshConnector).not.toHaveBeenCalled();
  });

  it('logs a failed read and carries on: the scheduled refresh reads it anyway', async () => {
    const { send, logger } = await setUp(
      jest.fn().mockRejectedValue(new Error('ARM 503')),
    );
    await expect(send({ connectorId: idIn(ALLOWED) })).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/ARM 503/));
  });
});
