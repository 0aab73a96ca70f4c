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

/** acme: tag a with open findings, tag b with fixed ones only; beta: one Critical. */
const scenario = (
  layout: 'underConnector' | 'elsewhere' = 'underConnector',
): ScenarioInput =>
  ownerScenario({
    azure: { assessmentLayout: layout },
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
                { name: 'a', findings: { critical: 3, high: 2, medium: 1 } },
                { name: 'b', resolved: { high: 1 } },
              ],
            },
          ],
        },
        {
          name: 'beta',
          members: [{ user: 'u', role: 'editor' }],
          repositories: [
            { name: 'svc', tags: [{ name: '1', findings: { critical: 1 } }] },
          ],
        },
      ],
    },
  });

describe('Resource Graph findings shapes: fixed findings, one connector, where assessments live', () => {
  const { emu, client } = useEmulator();
  const query = async (q: string) => {
    const res = await client.resourceGraph({
      query: q,
      options: { resultFormat: 'objectArray' },
    });
    expect(res.status).toBe(200);
    return res.json.data as any[];
  };

  it('counts fixed findings as assessments, not as open findings', async () => {
    emu.loadScenario(scenario());
    const rows = await query(QUERY_TEMPLATES.subscriptionFindingsSummary);
    const of = (image: string) =>
      rows
        .filter(r => r.imageName === image)
        .map(r => [r.severity, r.findings, r.assessments]);
    expect(of('acme/api:a')).toEqual([
      ['Critical', 3, 3],
      ['High', 2, 2],
      ['Medium', 1, 1],
    ]);
    expect(of('acme/api:b')).toEqual([['High', 0, 1]]);
    expect(new Set(rows.map(r => r.connectorId))).toEqual(
      new Set([acme, beta]),
    );
  });

  it('narrows both queries to one connector, whose rows do not depend on the others', async () => {
    emu.loadScenario(scenario());
    const summary = await query(
      QUERY_TEMPLATES.connectorFindingsSummary.replace('{connectorId}', beta),
    );
    expect(summary).toEqual([
      {
        connectorId: beta,
        imageName: 'beta/svc:1',
        severity: 'Critical',
        source: 'DockerHub',
        findings: 1,
        assessments: 1,
      },
    ]);
    const open = await query(
      QUERY_TEMPLATES.connectorOpenFindings
        .replace('{connectorId}', acme)
        .replace('{limit}', '2'),
    );
    expect(
      open.map(r => [r.connectorId, r.severityRank, r.findings.length]),
    ).toEqual([
      [acme, 0, 2],
      [acme, 1, 2],
      [acme, 2, 1],
    ]);
  });

  it('finds nothing under the connectors when assessments live elsewhere, and says which sources exist', async () => {
    emu.loadScenario(scenario('elsewhere'));
    expect(await query(QUERY_TEMPLATES.subscriptionFindingsSummary)).toEqual(
      [],
    );
    expect(
      await query(
        QUERY_TEMPLATES.subscriptionOpenFindings.replace('{limit}', '10'),
      ),
    ).toEqual([]);
    expect(await query(QUERY_TEMPLATES.imageAssessmentSources)).toEqual([
      { source: 'DockerHub', assessments: 8 },
    ]);
  });
});
