import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { defenderForContainersPlugin } from './plugin';

describe('defenderForContainersPlugin', () => {
  it('answers /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [defenderForContainersPlugin],
    });

    await request(server)
      .get('/api/defender-for-containers/health')
      .expect(200, { status: 'ok' });
  });

  it('keeps every other route behind authentication', async () => {
    const { server } = await startTestBackend({
      features: [defenderForContainersPlugin],
    });

    const res = await request(server)
      .get('/api/defender-for-containers/connectors')
      .set('authorization', 'Bearer not-a-valid-token');
    expect(res.status).toBe(401);
  });
});
