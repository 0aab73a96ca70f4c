import type { ScenarioInput } from '../scenario/scenarioSchema';
import { ownerScenario } from '../testUtils/ownerScenario';
import { connectorPath, DEMO } from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';
import { QUERY_TEMPLATES } from './resourceGraphQueries';

const acme = connectorPath(
  DEMO.prodSub,
  DEMO.rg,
  'dockerhub-acme',
).toLowerCase();
const beta = connectorPath(
  DEMO.prodSub,
  DEMO.rg,
  'dockerhub-beta',
).toLowerCase();

/**
 * The backend's open-findings query (findingsQueries.ts `openFindingsQuery`, default filter)
 * written out here, not taken from QUERY_TEMPLATES: a template that drifts from it fails.
 */
function backendQuery(limit: number, connectorId?: string): string {
  return `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where resourceId contains "/securityentitydata/"${
    connectorId
      ? `
| where resourceId startswith "${connectorId.toLowerCase()}/securityentitydata/"`
      : ''
  }
| where tostring(properties.status.code) == "Unhealthy"
| extend severity = tostring(properties.metadata.severity)
| where severity in ("Critical", "High", "Medium", "Low")
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         severityRank = case(severity == "Critical", 0, severity == "High", 1, severity == "Medium", 2, 3),
         finding = pack_array(id, tostring(properties.additionalData.ResourceName),
           tostring(properties.displayName), tostring(properties.additionalData.FixedVersion),
           parse_json(tostring(properties.additionalData.CvesDetails)),
           tostring(properties.additionalData.SoftwareName),
           tostring(properties.additionalData.DetectedSoftwareVersions),
           tostring(properties.status.firstEvaluationDate))
| summarize findings = make_list(finding, ${limit}) by connectorId, severityRank
| order by connectorId asc, severityRank asc`;
}

/** The query the backend sent before: no longer answered. */
const OLD_WORST_QUERY = `securityresources
| where type == "microsoft.security/assessments"
| where properties.metadata.recommendationCategory == "SoftwareUpdate"
| where tostring(properties.resourceDetails.ResourceType) == ".containerimage"
| extend resourceId = tolower(tostring(properties.resourceDetails.Id))
| where resourceId contains "/securityentitydata/"
| where tostring(properties.status.code) == "Unhealthy"
| extend severity = tostring(properties.metadata.severity)
| where severity in ("Critical", "High")
| extend connectorId = tostring(split(resourceId, "/securityentitydata/")[0]),
         severityRank = iff(severity == "Critical", 0, 1),
         finding = pack_array(id, tostring(properties.additionalData.ResourceName),
           tostring(properties.displayName), tostring(properties.additionalData.FixedVersion),
           parse_json(tostring(properties.additionalData.CvesDetails)))
| summarize findings = make_list(finding, 10) by connectorId, severityRank
| order by connectorId asc, severityRank asc`;

/** acme: 7 Critical, 5 High, 2 Medium, 2 Low open (one image digest-only), fixed and public ones; beta: 4 Low. */
const scenario: ScenarioInput = ownerScenario({
  subscription: { plans: { Containers: 'Standard', CloudPosture: 'Free' } },
  connectors: ['acme', 'beta'],
  dockerHub: {
    orgs: [
      {
        name: 'acme',
        members: [{ user: 'u', role: 'editor' }],
        repositories: [
          {
            name: 'api',
            tags: [
              {
                name: '1.0',
                findings: { critical: 5, high: 3, medium: 2, low: 1 },
                resolved: { critical: 4 },
              },
              { name: '0.9', findings: { critical: 2 } },
              {
                digest: `sha256:${'ab'.repeat(32)}`,
                findings: { high: 2, low: 1 },
              },
            ],
          },
          {
            name: 'site',
            private: false,
            tags: [{ name: '1', findings: { critical: 9 } }],
          },
        ],
      },
      {
        name: 'beta',
        members: [{ user: 'u', role: 'editor' }],
        repositories: [
          { name: 'svc', tags: [{ name: '1', findings: { low: 4 } }] },
        ],
      },
    ],
  },
});

describe('Resource Graph open findings: every open finding per connector and severity', () => {
  const { client } = useEmulator({}, { reloadBeforeEach: scenario });
  const query = async (q: string, options: Record<string, unknown> = {}) => {
    const res = await client.resourceGraph({
      query: q,
      options: { resultFormat: 'objectArray', ...options },
    });
    expect(res.status).toBe(200);
    return res.json;
  };
  const shape = (rows: any[]) =>
    rows.map(r => [r.connectorId, r.severityRank, r.findings.length]);

  it('answers the backend’s query subscription-wide: one row per connector and severity present, in order', async () => {
    const { data } = await query(backendQuery(1000));
    expect(shape(data)).toEqual([
      [acme, 0, 7],
      [acme, 1, 5],
      [acme, 2, 2],
      [acme, 3, 2],
      [beta, 3, 4],
    ]);
    // each list holds only findings of its severity, as the project shape reports them
    const severityOf = new Map<string, string>();
    for (const connector of [acme, beta]) {
      const all = await query(
        QUERY_TEMPLATES.dockerHubFindings.replace('{connectorId}', connector),
      );
      for (const r of all.data) severityOf.set(r.id, r.severity);
    }
    const ranks = ['Critical', 'High', 'Medium', 'Low'];
    for (const row of data) {
      for (const finding of row.findings) {
        expect(severityOf.get(finding[0])).toBe(ranks[row.severityRank]);
      }
    }
    const ids = data.flatMap((r: any) => r.findings.map((f: any) => f[0]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('bounds each list to {limit}, cutting only the lists that are longer', async () => {
    const { data } = await query(backendQuery(3));
    expect(shape(data)).toEqual([
      [acme, 0, 3],
      [acme, 1, 3],
      [acme, 2, 2],
      [acme, 3, 2],
      [beta, 3, 3],
    ]);
    const full = (await query(backendQuery(1000))).data;
    data.forEach((row: any, i: number) =>
      expect(full[i].findings).toEqual(expect.arrayContaining(row.findings)),
    );
    expect(shape((await query(backendQuery(1))).data).map(r => r[2])).toEqual([
      1, 1, 1, 1, 1,
    ]);
  });

  it('narrows to one connector with the ONE_CONNECTOR line, whose rows do not depend on the others', async () => {
    const all = (await query(backendQuery(2))).data;
    for (const connector of [acme, beta]) {
      const one = await query(backendQuery(2, connector));
      expect(one.data).toEqual(
        all.filter((r: any) => r.connectorId === connector),
      );
    }
    // the template with its placeholders is the same query
    const viaTemplate = await query(
      QUERY_TEMPLATES.connectorOpenFindings
        .replace('{connectorId}', beta)
        .replace('{limit}', '2'),
    );
    expect(shape(viaTemplate.data)).toEqual([[beta, 3, 2]]);
  });

  it('pages rows with $top and $skipToken, neither repeating nor skipping one', async () => {
    const q = backendQuery(2);
    const whole = (await query(q)).data;
    const rows: any[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page = await query(q, {
        $top: 2,
        ...(skipToken ? { $skipToken: skipToken } : {}),
      });
      expect(page.totalRecords).toBe(5);
      rows.push(...page.data);
      skipToken = page.$skipToken;
      pages++;
    } while (skipToken);
    expect(pages).toBe(3);
    expect(rows).toEqual(whole);
  });

  it('refuses the old worst-findings query, a changed one and an out-of-range limit as unknown queries are refused', async () => {
    const refused = async (q: string) => {
      const res = await client.resourceGraph({ query: q });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('BadRequest');
      expect(res.json.error.details.map((d: any) => d.code)).toEqual([
        'InvalidQuery',
        'UnsupportedQueryShape',
      ]);
      expect(res.json.data).toBeUndefined();
      return res.json.error.details[1].message as string;
    };
    const message = await refused(OLD_WORST_QUERY);
    expect(message).toContain('subscriptionOpenFindings');
    expect(message).not.toContain('WorstFindings');
    // one severity left out of the filter
    await refused(
      backendQuery(10).replace(
        'in ("Critical", "High", "Medium", "Low")',
        'in ("Critical", "High")',
      ),
    );
    // a finding without its first evaluation date
    await refused(
      backendQuery(10).replace(
        ',\n           tostring(properties.status.firstEvaluationDate))',
        ')',
      ),
    );
    // make_list's bound is 1 … 1048576
    await refused(backendQuery(0));
    await refused(backendQuery(1_048_577));
    expect(shape((await query(backendQuery(1_048_576))).data)).toHaveLength(5);
  });
});
