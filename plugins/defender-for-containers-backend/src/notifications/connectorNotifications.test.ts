import type { ConnectorTransition } from '../refresh/ConnectorTransition';
import { connectorNotifications } from './connectorNotifications';

const LINK = '/catalog/default/resource/defender-dockerhub-acme';
const base: ConnectorTransition = {
  connectorId:
    '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme',
  organization: 'acme',
  subscriptionId: '00000000-0000-0000-0000-000000000001',
  from: 'healthy',
  to: 'unhealthy',
  previousReportedStatus: 'healthy',
  issues: ['Docker Hub access token was revoked'],
  criticalDelta: 0,
  at: '2026-01-01T00:00:00.000Z',
};
const kinds = (t: Partial<ConnectorTransition>) =>
  connectorNotifications({ ...base, ...t }, LINK).map(p => p.severity);

describe('connectorNotifications', () => {
  it('tells of turning unhealthy from healthy or pending as last reported, also across a failed refresh', () => {
    expect(kinds({})).toEqual(['high']);
    expect(
      kinds({ from: 'pending', previousReportedStatus: 'pending' }),
    ).toEqual(['high']);
    expect(kinds({ from: 'stale', previousReportedStatus: 'healthy' })).toEqual(
      ['high'],
    );
  });

  it('is silent for no news: unhealthy before (even with a stale read between), first sighting, recovery, stale, deleted', () => {
    expect(
      kinds({ from: 'stale', previousReportedStatus: 'unhealthy' }),
    ).toEqual([]);
    expect(
      kinds({ from: undefined, previousReportedStatus: undefined }),
    ).toEqual([]);
    expect(
      kinds({
        from: 'unhealthy',
        previousReportedStatus: 'unhealthy',
        to: 'healthy',
      }),
    ).toEqual([]);
    expect(kinds({ to: 'stale' })).toEqual([]);
    expect(kinds({ to: 'missing', criticalDelta: -3 })).toEqual([]);
  });

  it('tells of new Critical findings, not of fewer, nor of a first sighting', () => {
    expect(kinds({ from: 'healthy', to: 'healthy', criticalDelta: 2 })).toEqual(
      ['critical'],
    );
    expect(
      kinds({ from: 'healthy', to: 'healthy', criticalDelta: -1 }),
    ).toEqual([]);
    expect(
      kinds({
        from: undefined,
        previousReportedStatus: undefined,
        to: 'healthy',
        criticalDelta: 5,
      }),
    ).toEqual([]);
    expect(kinds({ criticalDelta: 1 })).toEqual(['high', 'critical']);
  });

  it('keys the scope on connector and kind, case-insensitively, within the 255 characters stored', () => {
    const [a] = connectorNotifications(base, LINK);
    const [b] = connectorNotifications(
      { ...base, connectorId: base.connectorId.toUpperCase() },
      LINK,
    );
    const [other] = connectorNotifications(
      { ...base, connectorId: `${base.connectorId}2` },
      LINK,
    );
    expect(a.scope).toBe(b.scope);
    expect(a.scope).not.toBe(other.scope);
    const long = connectorNotifications(
      {
        ...base,
        organization: 'a'.repeat(255),
        connectorId: `${base.connectorId}${'x'.repeat(300)}`,
        criticalDelta: 1,
      },
      LINK,
    );
    for (const p of long) {
      expect(p.scope!.length).toBeLessThanOrEqual(255);
      expect(p.title.length).toBeLessThanOrEqual(255);
    }
  });
});
