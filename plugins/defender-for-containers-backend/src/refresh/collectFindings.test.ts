import { mockServices } from '@backstage/backend-test-utils';
import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import { collectFindings, repositoryOf } from './collectFindings';
import { findingsSummaryQuery, worstFindingsQuery } from './findingsQueries';
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
const worstRows = [
  {
    connectorId: DOCKER.toLowerCase(),
    severityRank: 0,
    findings: [
      ['a1', 'acme/api:1', 'openssl: CVE-1', '3.0.1', [{ CveId: 'CVE-1' }]],
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
        if (query === worstFindingsQuery(DEFAULT_FINDINGS_FILTER, 10)) {
          return { rows: worstRows, truncated: false };
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
      pageSize: 1000,
      maxPages: 5,
      logger: mockServices.logger.mock(),
    });
    expect([...result.byConnector.keys()]).toEqual([DOCKER.toLowerCase()]);
    expect(result.byConnector.get(DOCKER.toLowerCase())).toEqual({
      images: [
        {
          image: 'acme/api:1',
          repository: 'acme/api',
          counts: { critical: 2, high: 0, medium: 0, low: 0 },
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

  it('names repositories without tag or digest', () => {
    expect(repositoryOf('Acme/API:1.0')).toBe('acme/api');
    expect(repositoryOf('acme/api@sha256:abc')).toBe('acme/api');
    expect(repositoryOf('acme/api')).toBe('acme/api');
  });
});
