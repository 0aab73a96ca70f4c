import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import defenderForContainersPlugin from '@defender-backstage/plugin-defender-for-containers-backend';
import request from 'supertest';
import { loadConfigFiles } from './__testUtils__/loadConfigFiles';

/** What a production start reads: app-config.yaml then app-config.production.yaml, never the emulator's file. */
const productionConfig = () =>
  loadConfigFiles(['app-config.yaml', 'app-config.production.yaml']);

describe('a production start (app-config.yaml + app-config.production.yaml)', () => {
  it('inherits nothing of the emulator', async () => {
    const config = await productionConfig();
    const text = JSON.stringify(config.get());
    // No loopback endpoint, anywhere: ARM, Entra, Docker Hub, CORS, base URLs.
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|\[::1\]/);
    // No demo credential, CA file or demo subscription.
    expect(text).not.toMatch(/emulator|not-real|aaaaaaaa-0000/i);
    expect(config.getOptional('defenderForContainers.azure')).toBeUndefined();
    expect(
      config.getOptional('defenderForContainers.dockerHub'),
    ).toBeUndefined();
    expect(config.getOptional('defenderForContainers.caFile')).toBeUndefined();
    // No guest sign-in and no example catalog (examples/*.yaml, create-app's guests group).
    expect(config.has('auth.providers.guest')).toBe(false);
    expect(config.getOptional('catalog.locations')).toBeUndefined();
    expect(text).not.toContain('guests');
    // Schedules at the plugins' defaults (30 minutes), not the demo's minute.
    expect(config.getOptional('defenderForContainers.health')).toBeUndefined();
    expect(
      config.getOptional('defenderForContainers.catalog.refreshMinutes'),
    ).toBeUndefined();
    // Only https: for the app's connections.
    expect(config.getStringArray('backend.csp.connect-src')).not.toContain(
      'http:',
    );
  });

  it('starts without Azure credentials and answers 503 naming the keys to set', async () => {
    const config = await productionConfig();
    const { server } = await startTestBackend({
      features: [
        defenderForContainersPlugin,
        // Without the permission backend here: its policy is not what is tested.
        mockServices.rootConfig.factory({
          data: { ...config.get(), permission: { enabled: false } },
        }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    await request(server)
      .get('/api/defender-for-containers/health')
      .expect(200);
    const res = await request(server)
      .get(
        '/api/defender-for-containers/entities/component/default/payments/defender',
      )
      .expect(503);
    expect(res.body.error.message).toContain(
      'defenderForContainers.azure.subscriptions',
    );
    expect(res.body.error.message).toContain(
      'defenderForContainers.azure.credential',
    );
  });
});
