import { mockServices } from '@backstage/backend-test-utils';
import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import { collectFindings, repositoryOf } from './collectFindings';
import { findingsSummaryQuery, openFindingsQuery } from './findingsQueries';
import { DEFAULT_FINDINGS_FILTER } from '../service/readHealthConfig';

const SUB = '00000000-0000-0000-0000-0000000000f1';
const DOCKER = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme`;
const AWS = `/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.security/securityconnectors/aws-prod`;

// Rows as Resource Graph would return them for a subscription that also has an AWS connector
// (the emulator only models Docker Hub connectors, so that case is covered here).
const summaryRows = [
  {
    connectorId: DOCKER.toLowerCase(),
    imageName: 'acme/api:1',
    severity: 'Critical',
    source: 'DockerHub',
    findings: 2,
    assessments: 3,
  },
  {
    connectorId: DOCKER.toLowerCase(),
    imageName: 'acme/api:1',
    severity: 'Informational',
    source: 'DockerHub',
    findings: 9,
    assessments: 9,
  },
  {
    connectorId: DOCKER.toLowerCase(),
    imageName: 'acme/fixed:1',
    severity: 'High',
    source: 'DockerHub',
    findings: 0,
    assessments: 4,
  },
  {
    connectorId: AWS,
    imageName: 'ecr/app:1',
    severity: 'High',
    source: 'AWS',
    findings: 7,
    assessments: 7,
  },
];
const openRows = [
  {
    connectorId: DOCKER.toLowerCase(),
    severityRank: 0,
    findings: [
      [
        'A1',
        'acme/api:1',
        'openssl: CVE-1',
        '3.0.1',
        [{ CveId: 'CVE-1' }],
        'openssl',
        '["3.0.0-r1"]',
        '2026-11-01T10:00:00Z',
      ],
      ['a2', 'acme/web:2', 'openssl: CVE-1', '3.0.1', '[{"CveId":"CVE-1"}]'],
    ],
  },
  {
    connectorId: AWS,
    severityRank: 0,
    findings: [['a3', 'ecr/app:1', 'zlib: CVE-2', '1.3', []]],
  },
];

describe('collectFindings', () => {
  it('keeps only the listed Docker Hub connectors, groups a finding across images, and reports the sources seen', async () => {
    const queryResourceGraph = jest.fn(
      async (subscriptions: string[], query: string) => {
        expect(subscriptions).toEqual([SUB]);
        if (query === findingsSummaryQuery(DEFAULT_FINDINGS_FILTER)) {
          return { rows: summaryRows, truncated: false };
        }
        if (query === openFindingsQuery(DEFAULT_FINDINGS_FILTER, 5000)) {
          return { rows: openRows, truncated: false };
        }
        throw new Error(`unexpected query ${query}`);
      },
    );
    const result = await collectFindings({
      arm: { queryResourceGraph } as unknown as DefenderArmClient,
      subscriptionId: SUB,
      connectorIds: [DOCKER],
      filter: DEFAULT_FINDINGS_FILTER,
      worstPerConnector: 10,
      maxPerConnector: 5000,
      pageSize: 1000,
      maxPages: 5,
      logger: mockServices.logger.mock(),
    });
    expect([...result.byConnector.keys()]).toEqual([DOCKER.toLowerCase()]);
    const { open, ...rest } = result.byConnector.get(DOCKER.toLowerCase())!;
    expect(open).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        image: 'acme/api:1',
        repository: 'acme/api',
        package: 'openssl',
        title: 'openssl: CVE-1',
        severity: 'Critical',
        cves: ['CVE-1'],
        installedVersion: '3.0.0-r1',
        fixedVersion: '3.0.1',
        firstSeenAt: '2026-11-01T10:00:00.000Z',
      },
      expect.objectContaining({
        image: 'acme/web:2',
        repository: 'acme/web',
        package: undefined,
        installedVersion: undefined,
        firstSeenAt: undefined,
      }),
    ]);
    // The id is the assessment id's hash, whatever its case.
    expect(open[0].id).not.toBe(open[1].id);
    expect(rest).toEqual({
      images: [
        {
          image: 'acme/api:1',
          repository: 'acme/api',
          counts: { critical: 2, high: 0, medium: 0, low: 0 },
          fixable: 1,
        },
      ],
      worst: [
        {
          title: 'openssl: CVE-1',
          severity: 'Critical',
          cves: ['CVE-1'],
          fixedVersion: '3.0.1',
          images: ['acme/api:1', 'acme/web:2'],
        },
      ],
      reported: true,
    });
    expect(result.sources).toEqual(new Set(['DockerHub', 'AWS']));
    expect(result.otherRows).toBe(1);
  });

  it('keeps the most severe findings up to maxPerConnector, and says in the log that it cut', async () => {
    const finding = (n: number) => [
      `id-${n}`,
      'acme/api:1',
      `pkg: CVE-${n}`,
      '',
      [],
    ];
    const rows = [
      {
        connectorId: DOCKER.toLowerCase(),
        severityRank: 0,
        findings: [finding(1)],
      },
      {
        connectorId: DOCKER.toLowerCase(),
        severityRank: 1,
        findings: [finding(2), finding(3)],
      },
      {
        connectorId: DOCKER.toLowerCase(),
        severityRank: 3,
        findings: [finding(4)],
      },
    ];
    const summary = ['Critical', 'High', 'Low'].map((severity, i) => ({
      connectorId: DOCKER.toLowerCase(),
      imageName: 'acme/api:1',
      severity,
      source: 'DockerHub',
      findings: i === 1 ? 2 : 1,
      assessments: 2,
    }));
    const queries: string[] = [];
    const logger = mockServices.logger.mock();
    const result = await collectFindings({
      arm: {
        queryResourceGraph: async (_: string[], query: string) => {
          queries.push(query);
          return {
            rows: query.includes('make_list') ? rows : summary,
            truncated: false,
          };
        },
      } as unknown as DefenderArmClient,
      subscriptionId: SUB,
      connectorIds: [DOCKER],
      filter: DEFAULT_FINDINGS_FILTER,
      worstPerConnector: 10,
      maxPerConnector: 2,
      pageSize: 1000,
      maxPages: 5,
      logger,
    });
    // The query bounds each severity's list by the same maximum.
    expect(queries).toContain(openFindingsQuery(DEFAULT_FINDINGS_FILTER, 2));
    const open = result.byConnector.get(DOCKER.toLowerCase())!.open;
    expect(open.map(f => f.title)).toEqual(['pkg: CVE-1', 'pkg: CVE-2']);
    expect(open.map(f => f.fixedVersion)).toEqual([undefined, undefined]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'has 4 open findings; Backstage keeps the 2 most severe',
      ),
    );
  });

  it('names repositories without tag or digest', () => {
    expect(repositoryOf('Acme/API:1.0')).toBe('acme/api');
    expect(repositoryOf('acme/api@sha256:abc')).toBe('acme/api');
    expect(repositoryOf('acme/api')).toBe('acme/api');
  });
});
