import { connectorPath, DEMO } from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';
import { QUERY_TEMPLATES } from './resourceGraphQueries';

describe('subscription-wide Resource Graph findings shapes', () => {
  const { client } = useEmulator();
  const umbrella = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-umbrella');
  const query = (
    q: string,
    options: Record<string, unknown> = {},
    subscriptions = [DEMO.prodSub],
  ) =>
    client.resourceGraph({
      subscriptions,
      query: q,
      options: { resultFormat: 'objectArray', ...options },
    });
  /** Every page, following $skipToken. */
  const readAll = async (q: string, top: number) => {
    const rows: any[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const res = await query(q, {
        $top: top,
        ...(skipToken ? { $skipToken: skipToken } : {}),
      });
      expect(res.status).toBe(200);
      rows.push(...res.json.data);
      skipToken = res.json.$skipToken;
      pages++;
    } while (skipToken);
    return { rows, pages };
  };

  it('counts every connector’s open findings per image, severity and source, in one query, paged', async () => {
    const { rows, pages } = await readAll(
      QUERY_TEMPLATES.subscriptionFindingsSummary,
      3,
    );
    expect(pages).toBeGreaterThan(1);
    const umbrellaRows = rows.filter(
      r => r.connectorId === umbrella.toLowerCase(),
    );
    // the same numbers as the per-connector shape
    const perConnector = await query(
      QUERY_TEMPLATES.dockerHubFindingsSummary.replace(
        '{connectorId}',
        umbrella,
      ),
    );
    expect(
      umbrellaRows.map(r => [r.imageName, r.severity, r.findings]).sort(),
    ).toEqual(
      perConnector.json.data
        .map((r: any) => [r.imageName, r.severity, r.findings])
        .sort(),
    );
    expect(new Set(rows.map(r => r.source))).toEqual(new Set(['DockerHub']));
    // a stable order, so no page repeats or skips a row
    const keys = rows.map(
      r => `${r.connectorId}|${r.imageName}|${r.severity}|${r.source}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(keys);
  });

  it('lists every connector’s open findings per severity, at most {limit} each, paged', async () => {
    const { rows, pages } = await readAll(
      QUERY_TEMPLATES.subscriptionOpenFindings.replace('{limit}', '2'),
      3,
    );
    expect(pages).toBeGreaterThan(1);
    // one row per connector and severity rank, Critical (0) first
    const keys = rows.map(r => `${r.connectorId}|${r.severityRank}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(keys);
    // umbrella: lab-api 0.9.1 and 0.9.0, lab-ui 0.3.0: every severity, each cut to 2
    expect(
      rows
        .filter(r => r.connectorId === umbrella.toLowerCase())
        .map(r => [r.severityRank, r.findings.length]),
    ).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
    const critical = rows.find(r => r.severityRank === 0);
    expect(critical).toEqual({
      connectorId: expect.stringMatching(
        /^\/subscriptions\/.+\/securityconnectors\/[^/]+$/,
      ),
      severityRank: 0,
      findings: expect.any(Array),
    });
    expect(critical.findings[0]).toEqual([
      expect.stringContaining('/providers/Microsoft.Security/assessments/'),
      expect.stringMatching(/^[a-z0-9-]+\/[a-z0-9-]+:.+$/),
      expect.stringMatching(/: CVE-/),
      expect.stringMatching(/^(\d+\.\d+\.\d+)?$/),
      [{ CveId: expect.stringMatching(/^CVE-/) }],
      expect.stringMatching(/^[a-z0-9-]+$/),
      expect.stringMatching(/^\["[^"]+"(,"[^"]+")*\]$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    ]);
  });

  it('covers only the requested subscriptions the caller can read', async () => {
    const sandboxOnly = await query(
      QUERY_TEMPLATES.subscriptionFindingsSummary,
      {},
      [DEMO.sandboxSub],
    );
    expect(sandboxOnly.status).toBe(200);
    expect(sandboxOnly.json.data).toEqual([]);
  });

  it('stays strict: a changed filter is an unsupported shape (400), never empty data', async () => {
    const changed = QUERY_TEMPLATES.subscriptionFindingsSummary.replace(
      'resourceId contains "/securityentitydata/"',
      'tostring(properties.resourceDetails.Source) == "DockerHub"',
    );
    const res = await query(changed);
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: any) => d.code)).toEqual([
      'InvalidQuery',
      'UnsupportedQueryShape',
    ]);
    expect(res.json.error.details[1].message).toContain(
      'subscriptionFindingsSummary',
    );
  });
});
