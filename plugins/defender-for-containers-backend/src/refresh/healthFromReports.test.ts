import type { HealthReport } from '@defender-backstage/plugin-defender-for-containers-node';
import { healthFromReports } from './healthFromReports';

const report = (
  code: string,
  status: Record<string, string> = {},
  issues: NonNullable<HealthReport['properties']>['issues'] = [],
): HealthReport => ({
  id: `/x/providers/Microsoft.Security/healthReports/${code}`,
  name: code,
  properties: { status: { code, ...status }, issues },
});

describe('healthFromReports', () => {
  it('is pending without reports, healthy with Healthy/NotApplicable ones', () => {
    expect(healthFromReports([])).toEqual({
      reportedStatus: 'pending',
      issues: [],
    });
    expect(
      healthFromReports([
        report('Healthy', { lastScannedDate: '2026-03-01T10:00:00Z' }),
        report('NotApplicable'),
      ]),
    ).toEqual({
      reportedStatus: 'healthy',
      issues: [],
      lastScannedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('reads the older lastTimeScannedDate too, keeping the latest scan', () => {
    expect(
      healthFromReports([
        report('Healthy', { lastTimeScannedDate: '2026-03-02T10:00:00Z' }),
        report('Healthy', { lastScannedDate: '2026-03-01T10:00:00Z' }),
      ]).lastScannedAt,
    ).toBe('2026-03-02T10:00:00.000Z');
  });

  it('is unhealthy with every issue of the NotHealthy reports, de-duplicated', () => {
    const issue = {
      issueKey: 'k1',
      issueName: 'Docker Hub access token was revoked',
      issueDescription: 'The token was deactivated.',
      remediationSteps: 'Create a new read-only token.',
    };
    expect(
      healthFromReports([
        report('Healthy'),
        report('NotHealthy', { reason: 'Token revoked' }, [issue, issue]),
        report('NotHealthy', { reason: 'Token revoked' }, [{ issueKey: 'k2' }]),
      ]),
    ).toEqual({
      reportedStatus: 'unhealthy',
      healthReason: 'Token revoked',
      issues: [
        {
          key: 'k1',
          title: 'Docker Hub access token was revoked',
          description: 'The token was deactivated.',
          remediation: 'Create a new read-only token.',
        },
        {
          key: 'k2',
          title: 'Token revoked',
          description: undefined,
          remediation: undefined,
        },
      ],
      lastScannedAt: undefined,
    });
  });

  it('never counts a code other than Healthy or NotApplicable, or no code, as healthy', () => {
    for (const code of ['Unknown', 'Degraded', '']) {
      const result = healthFromReports([report('Healthy'), report(code)]);
      expect(result.reportedStatus).toBe('unhealthy');
      expect(result.healthReason).toBe(
        `Defender reported the health status '${
          code || 'none'
        }', which is neither Healthy nor NotApplicable`,
      );
    }
    const withoutStatus: HealthReport = { id: '/x', name: 'x', properties: {} };
    expect(healthFromReports([withoutStatus]).reportedStatus).toBe('unhealthy');
  });
});
