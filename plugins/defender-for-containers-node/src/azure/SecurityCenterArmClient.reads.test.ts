import { mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  DOCKER_HUB_CONNECTORS_QUERY,
  RG,
  SUB,
  registerDefenderTestEmulatorHooks,
} from '../testUtils';
import { loadTrustedCertificates } from '../config/loadTrustedCertificates';
import { buildDockerHubConnectorBody } from './buildDockerHubConnectorBody';
import { createAzureCredential } from './createAzureCredential';
import { formatSecurityConnectorId } from './securityConnectorId';
import { SecurityCenterArmClient } from './SecurityCenterArmClient';

const idOf = (name: string) =>
  formatSecurityConnectorId({ subscriptionId: SUB, resourceGroup: RG, name });
const bodyFor = (organization: string) =>
  buildDockerHubConnectorBody({
    organization,
    username: 'mdcuser',
    accessToken: 'dckr_pat_mdcReadOnlyToken000000000001',
    location: 'westeurope',
    scanIntervalHours: 24,
    plans: { defenderForContainers: true, defenderCspm: false },
  });

describe('SecurityCenterArmClient reads for the health refresh (emulator, real pipeline)', () => {
  const t = registerDefenderTestEmulatorHooks();
  beforeEach(async () => {
    for (const org of ['acme', 'bigorg', 'memberorg']) {
      await t.arm.putSecurityConnector(idOf(`dockerhub-${org}`), bodyFor(org));
    }
  });
  const log = () => t.emu.state().requestLog;
  /** A client of the test's own, whose log lines the test reads. */
  const clientWithLogger = () => {
    const logger = mockServices.logger.mock();
    const ca = loadTrustedCertificates({ caPem: t.emu.caPem });
    const arm = new SecurityCenterArmClient({
      config: t.config,
      credential: createAzureCredential(t.config.azure, { ca }),
      ca,
      logger,
    });
    return { arm, logger };
  };

  it('lists the health reports of a whole subscription across pages', async () => {
    expect(await t.arm.listSubscriptionHealthReports(SUB)).toEqual([]);
    t.emu.advanceTime(2 * 60 * 1000);
    const reports = await t.arm.listSubscriptionHealthReports(SUB);
    // scenario pageSize 2: three reports take two pages, one request each
    expect(
      reports.map(r => r.properties?.resourceDetails?.id?.toLowerCase()).sort(),
    ).toEqual(
      ['acme', 'bigorg', 'memberorg'].map(o =>
        idOf(`dockerhub-${o}`).toLowerCase(),
      ),
    );
    expect(
      log().filter(e =>
        /\/subscriptions\/[^/]+\/providers\/Microsoft.Security\/healthReports/i.test(
          e.path,
        ),
      ),
    ).toHaveLength(3);
  });

  it('reads every Resource Graph page with $skipToken', async () => {
    const result = await t.arm.queryResourceGraph<{ organization: string }>(
      [SUB],
      DOCKER_HUB_CONNECTORS_QUERY,
      { pageSize: 1 },
    );
    expect(result.rows.map(r => r.organization).sort()).toEqual([
      'acme',
      'bigorg',
      'memberorg',
    ]);
    expect(result).toMatchObject({ totalRecords: 3, truncated: false });
    expect(log().filter(e => e.path.includes('ResourceGraph'))).toHaveLength(3);

    const capped = await t.arm.queryResourceGraph(
      [SUB],
      DOCKER_HUB_CONNECTORS_QUERY,
      {
        pageSize: 1,
        maxPages: 2,
      },
    );
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.rows).toHaveLength(2);
  });

  it('refuses to query outside the configured subscriptions, or all of them, before any request', async () => {
    const before = log().length;
    await expect(
      t.arm.queryResourceGraph(
        ['99999999-0000-0000-0000-000000000009'],
        DOCKER_HUB_CONNECTORS_QUERY,
      ),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      t.arm.queryResourceGraph([], DOCKER_HUB_CONNECTORS_QUERY),
    ).rejects.toThrow(/at least one subscription/);
    expect(log()).toHaveLength(before);
  });

  it('waits out a Resource Graph 429 with Retry-After, then answers', async () => {
    t.emu.injectFault({
      route: 'resourceGraph',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    const started = Date.now();
    const result = await t.arm.queryResourceGraph(
      [SUB],
      DOCKER_HUB_CONNECTORS_QUERY,
    );
    expect(result.rows).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(
      log()
        .filter(e => e.path.includes('ResourceGraph'))
        .map(e => e.status),
    ).toEqual([429, 200]);
  });

  it('logs each call with its request ids (never a body)', async () => {
    const { arm, logger } = clientWithLogger();
    await arm.queryResourceGraph([SUB], DOCKER_HUB_CONNECTORS_QUERY);
    const calls = [...logger.debug.mock.calls, ...logger.info.mock.calls];
    const rg = calls.find(([message]) =>
      String(message).includes('Resource Graph'),
    );
    expect(rg?.[0]).toMatch(/x-ms-request-id [0-9a-f-]{36}/);
    expect(rg?.[1]).toMatchObject({
      requestId: expect.any(String),
      correlationRequestId: expect.any(String),
      clientRequestId: expect.any(String),
    });
    expect(JSON.stringify(calls)).not.toContain('hierarchyIdentifier');
  });

  it("logs ARM's remaining subscription reads, and at info once they run low", async () => {
    const { arm, logger } = clientWithLogger();
    await arm.listSecurityConnectors(SUB);
    const [message, meta] = logger.debug.mock.calls.find(([m]) =>
      String(m).startsWith('Azure GET securityConnectors'),
    )!;
    expect(message).toMatch(/remaining reads \d+/);
    expect(Number((meta as any).remainingReads)).toBeGreaterThan(100);
    expect(logger.info).not.toHaveBeenCalled();

    // The emulator's bucket holds 250 reads and refills 25 per second: spend it down.
    for (let i = 0; i < 600 && !logger.info.mock.calls.length; i++) {
      await arm.getPricing(SUB, 'Containers');
    }
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /GET pricings\/Containers: 200 .*remaining reads \d+/,
      ),
      expect.objectContaining({ remainingReads: expect.any(String) }),
    );
  });
});
