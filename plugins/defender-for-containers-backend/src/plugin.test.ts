import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { defenderForContainersPlugin } from './plugin';

const config = mockServices.rootConfig.factory({
  data: {
    defenderForContainers: {
      azure: {
        subscriptions: [
          {
            id: '11111111-1111-1111-1111-111111111111',
            displayName: 'Production',
            resourceGroups: ['rg-security', 'rg-other'],
            defaults: { location: 'westeurope', scanIntervalHours: 12 },
          },
          {
            id: '22222222-2222-2222-2222-222222222222',
            defaults: { resourceGroup: 'rg-default' },
          },
        ],
      },
    },
  },
});

describe('defenderForContainersPlugin', () => {
  it('answers /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [defenderForContainersPlugin, config],
    });

    await request(server)
      .get('/api/defender-for-containers/health')
      .expect(200, { status: 'ok' });
  });

  it('keeps every other route behind authentication', async () => {
    const { server } = await startTestBackend({
      features: [defenderForContainersPlugin, config],
    });

    const res = await request(server)
      .get('/api/defender-for-containers/azure/subscriptions')
      .set('authorization', 'Bearer not-a-valid-token');
    expect(res.status).toBe(401);
  });

  it('offers exactly the configured subscriptions, resource groups and defaults', async () => {
    const { server } = await startTestBackend({
      features: [defenderForContainersPlugin, config],
    });

    const res = await request(server)
      .get('/api/defender-for-containers/azure/subscriptions')
      .expect(200);
    expect(res.body.items).toEqual([
      {
        id: '11111111-1111-1111-1111-111111111111',
        displayName: 'Production',
        resourceGroups: ['rg-security', 'rg-other'],
        defaults: {
          resourceGroup: 'rg-security',
          location: 'westeurope',
          scanIntervalHours: 12,
        },
      },
      {
        id: '22222222-2222-2222-2222-222222222222',
        displayName: '22222222-2222-2222-2222-222222222222',
        resourceGroups: ['rg-default'],
        defaults: { resourceGroup: 'rg-default' },
      },
    ]);
  });
});
