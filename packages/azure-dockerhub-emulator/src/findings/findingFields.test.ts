import { QUERY_TEMPLATES } from '../arm/resourceGraphQueries';
import type { ScenarioInput } from '../scenario/scenarioSchema';
import { ownerScenario } from '../testUtils/ownerScenario';
import {
  connectorPath,
  DEMO,
  dockerHubConnectorBody,
} from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';

const START = '2026-03-01T00:00:00.000Z';
const CREATED = '2026-01-01T00:00:00.000Z';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const acme = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-acme');

/** acme (connected since CREATED): 400 findings on `old`, 20 on `new`, 3 on a digest-only image. */
function scenario(): ScenarioInput {
  const s = ownerScenario({
    subscription: { plans: { Containers: 'Standard', CloudPosture: 'Free' } },
    connectors: ['acme'],
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
                  name: 'old',
                  lastPushed: '2025-12-01T00:00:00Z',
                  findings: { critical: 100, high: 100, medium: 100, low: 100 },
                },
                {
                  name: 'new',
                  lastPushed: '2026-02-20T00:00:00Z',
                  findings: { low: 20 },
                },
                { digest: DIGEST, findings: { high: 2, low: 1 } },
              ],
            },
          ],
        },
        {
          name: 'gamma',
          members: [{ user: 'u', role: 'editor' }],
          repositories: [
            { name: 'svc', tags: [{ name: '1', findings: { high: 30 } }] },
          ],
        },
      ],
    },
  });
  s.startTime = START;
  s.azure.connectors![0].createdAt = CREATED;
  return s;
}

type Finding = [
  string,
  string,
  string,
  string,
  { CveId: string }[],
  string,
  string,
  string,
];

describe('the fields of each finding: package, installed versions, fix, first evaluation, digest-only images', () => {
  const { emu, client } = useEmulator({}, { reloadBeforeEach: scenario() });
  /** Advances the emulator clock; ARM tokens expire after an hour, so fetch new ones. */
  const advance = (ms: number) => {
    emu.advanceTime(ms);
    client.forgetTokens();
  };
  const query = async (q: string) => {
    const res = await client.resourceGraph({
      query: q,
      options: { resultFormat: 'objectArray' },
    });
    expect(res.status).toBe(200);
    return res.json.data as any[];
  };
  const openFindings = async (): Promise<Finding[]> =>
    (
      await query(
        QUERY_TEMPLATES.subscriptionOpenFindings.replace('{limit}', '1000'),
      )
    ).flatMap(r => r.findings);
  const ofImage = (findings: Finding[], image: string) =>
    findings.filter(f => f[1] === image);

  it('carries package, installed versions (the JSON text of an array) and first evaluation date, as the project shape does the rest', async () => {
    const findings = await openFindings();
    expect(findings).toHaveLength(423);
    const projected = new Map(
      (
        await query(
          QUERY_TEMPLATES.dockerHubFindings.replace('{connectorId}', acme),
        )
      ).map(r => [r.id, r]),
    );
    for (const [
      id,
      image,
      title,
      fixed,
      cves,
      pkg,
      installed,
      first,
    ] of findings) {
      // the columns both shapes have agree; the project shape gained none
      const row = projected.get(id);
      expect(Object.keys(row)).toEqual([
        'id',
        'resourceId',
        'displayName',
        'severity',
        'statusCode',
        'fixedVersion',
        'cves',
        'imageName',
      ]);
      expect([
        row.imageName,
        row.displayName,
        row.fixedVersion,
        row.cves,
      ]).toEqual([image, title, fixed, cves]);
      expect(title.startsWith(`${pkg}: CVE-`)).toBe(true);
      expect(pkg).toMatch(/^[a-z0-9-]+$/);
      const versions = JSON.parse(installed);
      expect(installed).toBe(JSON.stringify(versions));
      expect(versions.length).toBeGreaterThanOrEqual(1);
      for (const v of versions) expect(v).toMatch(/^\d+\.\d+\.\d+-r\d$/);
      // empty (no fix), or a version newer than every installed one
      expect(fixed).toMatch(/^(\d+\.\d+\.\d+)?$/);
      const newer = versions.every(
        (v: string) => Number(fixed.split('.')[0]) > Number(v.split('.')[0]),
      );
      expect(newer || fixed === '').toBe(true);
      expect(new Date(first).toISOString()).toBe(first);
    }
    // some packages are installed twice, most once
    const twice = findings.filter(f => JSON.parse(f[6]).length === 2).length;
    expect(twice).toBeGreaterThan(0);
    expect(twice).toBeLessThan(findings.length / 4);
  });

  it('has no fix for about one finding in three, the same finding every time', async () => {
    const findings = await openFindings();
    const noFix = findings.filter(f => f[3] === '').length / findings.length;
    expect(noFix).toBeGreaterThan(0.25);
    expect(noFix).toBeLessThan(0.42);
    emu.loadScenario(scenario());
    expect(await openFindings()).toEqual(findings);
  });

  it('dates the first evaluation between the connector’s creation (or the push) and the load, and keeps it as time passes', async () => {
    const before = await openFindings();
    const times = (image: string) =>
      ofImage(before, image).map(f => Date.parse(f[7]));
    const old = times('acme/api:old');
    expect(Math.min(...old)).toBeGreaterThanOrEqual(Date.parse(CREATED));
    expect(Math.max(...old)).toBeLessThanOrEqual(Date.parse(START));
    // spread over the window, not one instant
    expect(Math.max(...old) - Math.min(...old)).toBeGreaterThan(
      30 * 86_400_000,
    );
    // not evaluated before the image was pushed
    expect(Math.min(...times('acme/api:new'))).toBeGreaterThanOrEqual(
      Date.parse('2026-02-20T00:00:00Z'),
    );
    advance(5 * 86_400_000);
    expect(await openFindings()).toEqual(before);
  });

  it('dates a connector created later between its creation and its first evaluation: never in the future', async () => {
    const path = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-gamma');
    advance(86_400_000);
    const created = Date.parse(START) + 86_400_000;
    expect(
      (
        await client.putConnector(
          path,
          dockerHubConnectorBody('gamma', 'u', 'dckr_pat_t'),
        )
      ).status,
    ).toBe(201);
    advance(61_000);
    const gamma = ofImage(await openFindings(), 'gamma/svc:1');
    expect(gamma).toHaveLength(30);
    const times = gamma.map(f => Date.parse(f[7]));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(created);
    expect(Math.max(...times)).toBeLessThanOrEqual(created + 61_000);
    advance(3 * 86_400_000);
    expect(ofImage(await openFindings(), 'gamma/svc:1')).toEqual(gamma);
  });

  it('names a digest-only image org/repo@sha256:… and leaves it out of the Docker Hub tag list', async () => {
    const digestImage = `acme/api@${DIGEST}`;
    const findings = ofImage(await openFindings(), digestImage);
    expect(findings).toHaveLength(3);
    const projected = await query(
      QUERY_TEMPLATES.dockerHubFindings.replace('{connectorId}', acme),
    );
    expect(
      new Set(
        projected
          .filter(r => r.imageName === digestImage)
          .map(r => r.resourceId),
      ),
    ).toEqual(
      new Set([
        `${acme.toLowerCase()}/securityentitydata/dockerhubimages/acme/api/digests/${DIGEST}`,
      ]),
    );
    const summary = await query(QUERY_TEMPLATES.subscriptionFindingsSummary);
    expect(
      summary
        .filter(r => r.imageName === digestImage)
        .map(r => [r.severity, r.findings]),
    ).toEqual([
      ['High', 2],
      ['Low', 1],
    ]);
    const jwt = await client.hubJwt('u', 'dckr_pat_t');
    const tags = await client.request(
      'GET',
      '/v2/namespaces/acme/repositories/api/tags',
      {
        headers: { Authorization: `Bearer ${jwt}` },
      },
    );
    expect(tags.status).toBe(200);
    expect(tags.json.results.map((t: any) => t.name)).toEqual(['old', 'new']);
    expect(emu.state().dockerHub.repositories[0].tags).toEqual(['old', 'new']);
  });

  it('takes a digest-only image as { digest }, never with a name too, and only a sha256 digest', () => {
    const withTag = (tag: object) => {
      const s = scenario();
      s.dockerHub!.orgs![0].repositories![0].tags = [tag as any];
      return () => emu.loadScenario(s);
    };
    expect(withTag({ name: 'x', digest: DIGEST })).toThrow(
      /exactly one of name \(a tag\) or digest/,
    );
    expect(withTag({ findings: { low: 1 } })).toThrow(/exactly one of name/);
    expect(withTag({ digest: 'sha256:abc' })).toThrow(/sha256: \+ 64/);
    expect(withTag({ digest: DIGEST.toUpperCase() })).toThrow(/sha256: \+ 64/);
  });
});
