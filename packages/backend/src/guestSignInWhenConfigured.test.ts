import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authBackend from '@backstage/plugin-auth-backend';
import request from 'supertest';
import { guestSignInWhenConfigured } from './guestSignInWhenConfigured';

async function guestRefreshStatus(auth: object) {
  const { server } = await startTestBackend({
    features: [
      authBackend,
      guestSignInWhenConfigured,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' }, auth },
      }),
    ],
  });
  const res = await request(server).post('/api/auth/guest/refresh');
  return res.status;
}

describe('guestSignInWhenConfigured', () => {
  it('offers guest sign-in when auth.providers.guest is configured', async () => {
    expect(await guestRefreshStatus({ providers: { guest: {} } })).not.toBe(
      404,
    );
  });

  it('offers none when it is not (production)', async () => {
    expect(await guestRefreshStatus({ providers: { guest: null } })).toBe(404);
  });
});
