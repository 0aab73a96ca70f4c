import { connectorPath, DEMO } from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';
import { QUERY_TEMPLATES } from './resourceGraphQueries';

describe('pricings and Resource Graph', () => {
  const { client } = useEmulator();
  const umbrella = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-umbrella');
  const query = (q: string, options?: Record<string, unknown>) =>
    client.resourceGraph({
      subscriptions: [DEMO.prodSub, DEMO.sandboxSub],
      query: q,
      ...(options && { options }),
    });

  it('answers Containers/CloudPosture plans from the scenario (2024-01-01)', async () => {
    const apiVersion = '2024-01-01';
    const prod = await client.arm(
      'GET',
      `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/pricings/Containers`,
      { apiVersion },
    );
    expect(prod.json.properties.pricingTier).toBe('Standard');
    const sandbox = await client.arm(
      'GET',
      `/subscriptions/${DEMO.sandboxSub}/providers/Microsoft.Security/pricings`,
      { apiVersion },
    );
    expect(
      sandbox.json.value.map((p: any) => [p.name, p.properties.pricingTier]),
    ).toEqual([
      ['Containers', 'Free'],
      ['CloudPosture', 'Free'],
    ]);
  });

  it('answers an api-version without a shipped spec (2022-03-01, arm-security 5.0.0) as unsupported', async () => {
    const res = await client.arm(
      'GET',
      `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/pricings/Containers`,
      {
        apiVersion: '2022-03-01',
      },
    );
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('EmulatorUnsupportedApiVersion');
    expect(res.json.error.message).toContain(
      "only validates and answers '2024-01-01'",
    );
  });

  it('answers the findings summary query per connector from the scenario findings', async () => {
    const res = await query(
      QUERY_TEMPLATES.dockerHubFindingsSummary.replace(
        '{connectorId}',
        umbrella,
      ),
    );
    expect(res.status).toBe(200);
    const byImage: Record<string, Record<string, number>> = {};
    for (const row of res.json.data)
      (byImage[row.imageName] ??= {})[row.severity] = row.findings;
    expect(byImage).toEqual({
      'umbrella/lab-api:0.9.1': { Critical: 1, High: 2, Medium: 5, Low: 8 },
      'umbrella/lab-api:0.9.0': { Critical: 2, High: 2, Medium: 5, Low: 9 },
      'umbrella/lab-ui:0.3.0': { Medium: 2, Low: 3 },
    });
  });

  it('answers the detailed findings query, whitespace-insensitive, with $top paging', async () => {
    const squashed = QUERY_TEMPLATES.dockerHubFindings
      .replace('{connectorId}', umbrella.toUpperCase())
      .replace(/\s+/g, '  ');
    const first = await query(squashed, { $top: 10 });
    // umbrella: lab-api 0.9.1 (16) + 0.9.0 (18) + lab-ui 0.3.0 (5)
    expect(first.json.totalRecords).toBe(39);
    expect(first.json.count).toBe(10);
    expect(
      first.json.data[0].resourceId.startsWith(
        `${umbrella.toLowerCase()}/securityentitydata/`,
      ),
    ).toBe(true);
    const second = await query(squashed, {
      $top: 10,
      $skipToken: first.json.$skipToken,
    });
    expect(second.json.data[0].id).not.toBe(first.json.data[0].id);
  });

  it('answers the connector list query without authentication data', async () => {
    const res = await query(QUERY_TEMPLATES.dockerHubConnectors, {
      resultFormat: 'table',
    });
    const names = res.json.data.columns.map((c: any) => c.name);
    const rows = res.json.data.rows.map((r: unknown[]) =>
      Object.fromEntries(names.map((n: string, i: number) => [n, r[i]])),
    );
    expect(
      rows.map((r: any) => [r.name, r.organization, r.scanInterval]),
    ).toEqual([
      ['dockerhub-umbrella', 'umbrella', 12],
      ['dockerhub-initech', 'initech', 24],
    ]);
    expect(res.text).not.toContain('authentication');
  });

  it("rejects any other query with Resource Graph's error shape instead of empty data", async () => {
    const res = await query('resources | take 5');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BadRequest');
    expect(res.json.error.details[0].code).toBe('InvalidQuery');
    expect(res.json.data).toBeUndefined();
  });
});
