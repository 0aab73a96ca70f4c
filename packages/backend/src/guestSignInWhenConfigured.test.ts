import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authBackend from '@backstage/plugin-auth-backend';
import request from 'supertest';
import { loadConfigFiles } from './__testUtils__/loadConfigFiles';
import { guestSignInWhenConfigured } from './guestSignInWhenConfigured';

/** The auth backend as packages/backend/src/index.ts installs it, on `data` as its config. */
async function guestSignIn(data: object) {
  const backend = await startTestBackend({
    features: [
      authBackend,
      guestSignInWhenConfigured,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  const { server } = backend;
  try {
    const refresh = await request(server)
      .post('/api/auth/guest/refresh')
      .set('x-requested-with', 'XMLHttpRequest');
    const start = await request(server).get('/api/auth/guest/start');
    return { refresh: refresh.status, start: start.status };
  } finally {
    await backend.stop();
  }
}

/**
 * What the files configure, as read by Backstage's loader (no inline copy of them), but for the
 * database: in memory instead of production's PostgreSQL host.
 */
async function files(...names: string[]) {
  const data = (await loadConfigFiles(names)).get() as any;
  return {
    ...data,
    backend: {
      ...data.backend,
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
  };
}

const NO_GUEST = { refresh: 404, start: 404 };

describe('guestSignInWhenConfigured', () => {
  it('offers guest sign-in when auth.providers.guest is configured', async () => {
    const answers = await guestSignIn({
      app: { baseUrl: 'http://localhost:3000' },
      auth: { providers: { guest: {} } },
    });
    expect(answers.refresh).not.toBe(404);
  });

  it('offers it with the demo files (app-config.yaml + app-config.emulator.yaml)', async () => {
    const answers = await guestSignIn(
      await files('app-config.yaml', 'app-config.emulator.yaml'),
    );
    expect(answers.refresh).not.toBe(404);
  });

  it('offers none in production (app-config.yaml + app-config.production.yaml)', async () => {
    const config = await files('app-config.yaml', 'app-config.production.yaml');
    expect(await guestSignIn(config)).toEqual(NO_GUEST);
  });

  it('offers none with app-config.yaml alone: the guest provider lives in app-config.emulator.yaml only', async () => {
    expect(await guestSignIn(await files('app-config.yaml'))).toEqual(NO_GUEST);
  });

  it("offers none in production even over a file with the demo's guest provider (`guest: null`)", async () => {
    const config = await files(
      'app-config.yaml',
      'app-config.emulator.yaml',
      'app-config.production.yaml',
    );
    expect(await guestSignIn(config)).toEqual(NO_GUEST);
  });
});
