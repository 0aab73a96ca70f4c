import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { defenderForContainersPlugin } from './plugin';

const BASE = '/api/defender-for-containers';

// An adopter adds the packages before configuring Azure: the backend must start, say once in
// its log what to set, and keep answering with it.
describe('defenderForContainersPlugin without defenderForContainers', () => {
  it('starts, warns once naming the keys, and answers with them', async () => {
    const logger = mockServices.logger.mock();
    const { server } = await startTestBackend({
      features: [
        defenderForContainersPlugin,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({ entities: [] }),
        logger.factory,
      ],
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /not configured: set defenderForContainers\.azure\.subscriptions .* and defenderForContainers\.azure\.credential/,
      ),
    );

    await request(server).get(`${BASE}/health`).expect(200);
    const res = await request(server)
      .get(`${BASE}/entities/component/default/payments/defender`)
      .expect(503);
    expect(res.body.error.message).toContain(
      'defenderForContainers.azure.subscriptions',
    );
    // The onboarding form offers nothing and says which key to set.
    await request(server)
      .get(`${BASE}/azure/subscriptions`)
      .expect(200, { items: [] });
  });
});
