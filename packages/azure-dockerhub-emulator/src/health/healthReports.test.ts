import { DEMO_SCENARIO } from '../startEmulator';
import { ownerScenario } from '../testUtils/ownerScenario';
import {
  connectorPath,
  DEMO,
  dockerHubConnectorBody,
  HEALTH_API,
} from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';

describe('healthReports (2023-05-01-preview) over time', () => {
  const { emu, client } = useEmulator({}, { reloadBeforeEach: DEMO_SCENARIO });
  const reports = async (connectorId: string) => {
    const res = await client.arm(
      'GET',
      `${connectorId}/providers/Microsoft.Security/healthReports`,
      { apiVersion: HEALTH_API },
    );
    expect(res.status).toBe(200);
    return res.json.value as any[];
  };
  const status = async (connectorId: string) => {
    const [report] = await reports(connectorId);
    return report
      ? {
          code: report.properties.status.code,
          issues: report.properties.issues.map((i: any) => i.issueName),
        }
      : undefined;
  };
  const onboard = async (
    org: string,
    user: string,
    token: string,
    name = `dockerhub-${org}`,
  ) => {
    const res = await client.putConnector(
      connectorPath(DEMO.prodSub, DEMO.rg, name),
      dockerHubConnectorBody(org, user, token),
    );
    expect([200, 201]).toContain(res.status);
    return connectorPath(DEMO.prodSub, DEMO.rg, name);
  };

  it('has no report right after onboarding, then Healthy after healthDelaySeconds', async () => {
    const id = await onboard('acme', 'mdc-acme', DEMO.acmeRead);
    expect(await reports(id)).toEqual([]);
    emu.advanceTime(10_000);
    const [report] = await reports(id);
    expect(report.properties.status.code).toBe('Healthy');
    expect(report.properties.resourceDetails.id).toBe(id);
    const single = await client.arm('GET', report.id, {
      apiVersion: HEALTH_API,
    });
    expect(single.json).toEqual(report);
  });

  it.each([
    [
      'a public_read token',
      'acme',
      'mdc-acme',
      DEMO.acmePublicRead,
      'Docker Hub access token cannot read private repositories',
    ],
    [
      'an expired token',
      'acme',
      'mdc-acme',
      DEMO.acmeExpired,
      'Docker Hub access token expired',
    ],
    [
      'a user outside the organization',
      'acme',
      'outsider',
      DEMO.outsiderRead,
      'Docker Hub user is not a member of the organization',
    ],
    [
      'a deleted organization',
      'hooli',
      'jdoe',
      DEMO.jdoeAdmin,
      'Docker Hub organization not found',
    ],
  ])('reports NotHealthy for %s', async (_name, org, user, token, issue) => {
    const id = await onboard(org, user, token);
    emu.advanceTime(10_000);
    const [report] = await reports(id);
    expect(report.properties.status.code).toBe('NotHealthy');
    const [first] = report.properties.issues;
    expect(first.issueName).toBe(issue);
    expect(first.issueKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.remediationSteps).toEqual(expect.any(String));
    expect(first.issueDescription).toContain(org);
  });

  it('turns NotHealthy when the user is removed from the organization later', async () => {
    emu.loadScenario(
      ownerScenario({
        azure: { healthDelaySeconds: 5 },
        subscription: { plans: { Containers: 'Standard' } },
        dockerHub: {
          orgs: [{ name: 'acme', members: [{ user: 'u', role: 'editor' }] }],
        },
      }),
    );
    const id = await onboard('acme', 'u', 'dckr_pat_t');
    emu.advanceTime(5_000);
    expect((await status(id))?.code).toBe('Healthy');
    // Later: u has left acme, and the connector onboarded above is part of the scenario.
    emu.loadScenario(
      ownerScenario({
        azure: { healthDelaySeconds: 5 },
        connectors: ['acme'],
        dockerHub: { orgs: [{ name: 'acme', members: [] }] },
      }),
    );
    expect(await status(id)).toEqual({
      code: 'NotHealthy',
      issues: ['Docker Hub user is not a member of the organization'],
    });
  });

  it('heals a revoked-token connector on the next cycle after the token is rotated', async () => {
    const id = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-initech');
    expect(await status(id)).toEqual({
      code: 'NotHealthy',
      issues: ['Docker Hub access token was revoked'],
    });
    const put = await client.putConnector(
      id,
      dockerHubConnectorBody('initech', 'mdc-initech', DEMO.initechRotated),
    );
    expect(put.status).toBe(200);
    // Still the old evaluation until the delay has passed.
    expect((await status(id))?.code).toBe('NotHealthy');
    emu.advanceTime(10_000);
    expect(await status(id)).toEqual({ code: 'Healthy', issues: [] });
    const [report] = await reports(id);
    expect(
      Date.parse(report.properties.status.statusChangeDate),
    ).toBeGreaterThan(Date.parse(report.properties.status.firstEvaluationDate));
  });

  it('lists reports at subscription scope', async () => {
    const res = await client.arm(
      'GET',
      `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/healthReports`,
      { apiVersion: HEALTH_API },
    );
    expect(
      res.json.value
        .map((r: any) => [
          r.properties.resourceDetails.id.split('/').pop(),
          r.properties.status.code,
        ])
        .sort(),
    ).toEqual([
      ['dockerhub-initech', 'NotHealthy'],
      ['dockerhub-umbrella', 'Healthy'],
    ]);
    const missing = await client.arm(
      'GET',
      `${connectorPath(
        DEMO.prodSub,
        DEMO.rg,
        'nope',
      )}/providers/Microsoft.Security/healthReports`,
      { apiVersion: HEALTH_API },
    );
    expect(missing.status).toBe(404);
  });
});
