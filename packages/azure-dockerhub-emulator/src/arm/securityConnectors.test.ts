import { DEMO_SCENARIO, startEmulator } from '../startEmulator';
import { ownerScenario } from '../testUtils/ownerScenario';
import { scanIntervalPatch } from '../testUtils/scanIntervalPatch';
import {
  connectorPath,
  DEMO,
  dockerHubConnectorBody,
  HEALTH_API,
  TestClient,
} from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';
import { withProperty } from '../testUtils/withProperty';
import { QUERY_TEMPLATES } from './resourceGraphQueries';

const umbrella = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-umbrella');
/** umbrella's connector as a PUT that names its user but no token. */
const umbrellaWithoutToken = () =>
  withProperty(
    dockerHubConnectorBody('umbrella', 'mdc-umbrella'),
    'properties.environmentData.authentication.accessToken',
    undefined,
  );

describe('securityConnectors (2024-08-01-preview)', () => {
  // The demo scenario echoes tokens; these tests read what a client sees when Azure does not.
  const { emu, client } = useEmulator(
    { echoAccessToken: false },
    { reloadBeforeEach: DEMO_SCENARIO },
  );

  const healthOf = async (id: string) => {
    const res = await client.arm(
      'GET',
      `${id}/providers/Microsoft.Security/healthReports`,
      { apiVersion: HEALTH_API },
    );
    return res.json.value[0]?.properties;
  };

  it('creates (201), reads back without the token, updates (200) and deletes (200, then 204)', async () => {
    const created = await client.putConnector();
    expect(created.status).toBe(201);
    expect(created.json.id).toBe(connectorPath());
    expect(created.json.etag).toEqual(expect.any(String));
    expect(created.json.properties.environmentData.authentication).toEqual({
      authenticationType: 'AccessToken',
      username: 'mdc-acme',
    });
    expect(created.text).not.toContain(DEMO.acmeRead);

    const read = await client.arm(
      'GET',
      connectorPath().toUpperCase().replace('/SUBSCRIPTIONS', '/subscriptions'),
    );
    expect(read.status).toBe(200);
    expect(read.json.name).toBe('dockerhub-acme');
    expect(read.json.properties.hierarchyIdentifier).toBe('acme');

    const updated = await client.arm('PUT', connectorPath(), {
      body: { ...dockerHubConnectorBody(), etag: read.json.etag },
      headers: { 'If-Match': read.json.etag },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.etag).not.toBe(read.json.etag);

    expect((await client.arm('DELETE', connectorPath())).status).toBe(200);
    expect((await client.arm('DELETE', connectorPath())).status).toBe(204);
    const gone = await client.arm('GET', connectorPath());
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('ResourceNotFound');
  });

  describe('conditional requests, as ARM answers them (412 PreconditionFailed)', () => {
    const expectPreconditionFailed = (res: { status: number; json: any }) => {
      expect(res.status).toBe(412);
      expect(res.json.error).toEqual({
        code: 'PreconditionFailed',
        message:
          'The condition specified using HTTP conditional header(s) is not met.',
      });
    };

    it('refuses a PUT with a stale If-Match and keeps the connector as it was', async () => {
      const created = await client.putConnector();
      const patched = await client.arm('PATCH', connectorPath(), {
        body: scanIntervalPatch(6),
      });
      const stale = await client.arm('PUT', connectorPath(), {
        body: dockerHubConnectorBody(),
        headers: { 'If-Match': created.json.etag },
      });
      expectPreconditionFailed(stale);
      expect((await client.arm('GET', connectorPath())).json.etag).toBe(
        patched.json.etag,
      );
    });

    it('refuses a create with If-None-Match: * when the connector exists, and allows it when it does not', async () => {
      const first = await client.arm('PUT', connectorPath(), {
        body: dockerHubConnectorBody(),
        headers: { 'If-None-Match': '*' },
      });
      expect(first.status).toBe(201);
      const again = await client.arm('PUT', connectorPath(), {
        body: dockerHubConnectorBody(),
        headers: { 'If-None-Match': '*' },
      });
      expectPreconditionFailed(again);
      expect((await client.arm('GET', connectorPath())).json.etag).toBe(
        first.json.etag,
      );
    });

    it.each([
      ['an etag', '"00000000-0000-0000-0000-000000000000"'],
      ['*', '*'],
    ])(
      'refuses PUT, PATCH and DELETE with If-Match (%s) on a connector that does not exist',
      async (_name, ifMatch) => {
        const headers = { 'If-Match': ifMatch };
        expectPreconditionFailed(
          await client.arm('PUT', connectorPath(), {
            body: dockerHubConnectorBody(),
            headers,
          }),
        );
        expectPreconditionFailed(
          await client.arm('PATCH', connectorPath(), {
            body: scanIntervalPatch(6),
            headers,
          }),
        );
        expectPreconditionFailed(
          await client.arm('DELETE', connectorPath(), { headers }),
        );
        expect((await client.arm('GET', connectorPath())).status).toBe(404);
      },
    );

    it('refuses a DELETE with a stale If-Match, and deletes with the current one', async () => {
      const created = await client.putConnector();
      const updated = await client.arm('PUT', connectorPath(), {
        body: dockerHubConnectorBody(),
        headers: { 'If-Match': created.json.etag },
      });
      expect(updated.status).toBe(200);
      expectPreconditionFailed(
        await client.arm('DELETE', connectorPath(), {
          headers: { 'If-Match': created.json.etag },
        }),
      );
      expect((await client.arm('GET', connectorPath())).status).toBe(200);
      expect(
        (
          await client.arm('DELETE', connectorPath(), {
            headers: { 'If-Match': updated.json.etag },
          })
        ).status,
      ).toBe(200);
    });
  });

  it('PUT replaces the whole resource: without accessToken the connector has no token, and turns NotHealthy', async () => {
    expect((await healthOf(umbrella)).status.code).toBe('Healthy');
    const body = umbrellaWithoutToken();
    const replaced = await client.arm('PUT', umbrella, { body });
    expect(replaced.status).toBe(200);
    expect(replaced.json.properties.environmentData.authentication).toEqual({
      authenticationType: 'AccessToken',
      username: 'mdc-umbrella',
    });
    // The evaluation of the old credentials stands until Defender evaluates the new ones.
    expect((await healthOf(umbrella)).status.code).toBe('Healthy');
    emu.advanceTime(10_000);
    const health = await healthOf(umbrella);
    expect(health.status.code).toBe('NotHealthy');
    expect(health.issues.map((i: any) => i.issueName)).toEqual([
      'Docker Hub credentials are missing',
    ]);

    // Omitting authentication altogether is the same: nothing to authenticate with.
    const bare = dockerHubConnectorBody('umbrella') as any;
    delete bare.properties.environmentData.authentication;
    expect(
      (await client.arm('PUT', umbrella, { body: bare })).json.properties
        .environmentData,
    ).toEqual({
      environmentType: 'DockerHubOrganization',
      scanInterval: 24,
    });
    emu.advanceTime(10_000);
    expect((await healthOf(umbrella)).status.code).toBe('NotHealthy');
  });

  it('PUT replaces tags and offerings the body omits', async () => {
    await client.arm('PATCH', umbrella, { body: { tags: { team: 'lab' } } });
    const body = dockerHubConnectorBody(
      'umbrella',
      'mdc-umbrella',
      DEMO.umbrellaRead,
    ) as any;
    delete body.tags;
    body.properties.offerings = [{ offeringType: 'CspmMonitorDockerHub' }];
    const replaced = await client.arm('PUT', umbrella, { body });
    expect(replaced.json.tags).toEqual({});
    expect(
      replaced.json.properties.offerings.map((o: any) => o.offeringType),
    ).toEqual(['CspmMonitorDockerHub']);
    expect(
      replaced.json.properties.hierarchyIdentifierTrialEndDate,
    ).toBeUndefined();
  });

  it.each([
    [
      'PUT',
      (location: string) => ({
        ...dockerHubConnectorBody(
          'umbrella',
          'mdc-umbrella',
          DEMO.umbrellaRead,
        ),
        location,
      }),
    ],
    ['PATCH', (location: string) => ({ location })],
  ])(
    "refuses a %s that moves a connector to another location with ARM's InvalidResourceLocation",
    async (method, bodyFor) => {
      const before = (await client.arm('GET', umbrella)).json;
      const moved = await client.arm(method, umbrella, {
        body: bodyFor('eastus'),
      });
      expect(moved.status).toBe(400);
      expect(moved.json.error.code).toBe('InvalidResourceLocation');
      expect(moved.json.error.message).toBe(
        "The resource 'dockerhub-umbrella' already exists in location 'westeurope' in resource group 'rg-defender-connectors'. A resource with the same name cannot be created in location 'eastus'. Please select a new resource name.",
      );
      expect((await client.arm('GET', umbrella)).json).toEqual(before);
      // The same region spelled as a display name is the same location.
      const same = await client.arm(method, umbrella, {
        body: bodyFor('West Europe'),
      });
      expect(same.status).toBe(200);
      expect(same.json.location).toBe('westeurope');
    },
  );

  it('PATCH replaces the properties it names (as the official example shows) and keeps the stored token', async () => {
    await client.putConnector();
    const patched = await client.arm('PATCH', connectorPath(), {
      body: scanIntervalPatch(6),
    });
    expect(patched.status).toBe(200);
    expect(patched.json.properties.environmentData).toEqual({
      environmentType: 'DockerHubOrganization',
      scanInterval: 6,
    });
    expect(patched.json.properties.hierarchyIdentifier).toBe('acme');
    emu.advanceTime(10_000);
    const [report] = (
      await client.arm(
        'GET',
        `${connectorPath()}/providers/Microsoft.Security/healthReports`,
        { apiVersion: '2023-05-01-preview' },
      )
    ).json.value;
    expect(report.properties.status.code).toBe('Healthy');
  });

  it('allows one Docker Hub connector per organization across subscriptions', async () => {
    const other = connectorPath(DEMO.prodSub, 'rg-platform', 'second-umbrella');
    const res = await client.putConnector(
      other,
      dockerHubConnectorBody('UMBRELLA', 'mdc-umbrella', 'x'),
    );
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('Conflict');
    expect(res.json.error.message).toContain(
      connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-umbrella'),
    );
  });

  it('lists by subscription and resource group with absolute nextLink pages', async () => {
    emu.loadScenario(
      ownerScenario({
        azure: { pageSize: 2 },
        subscription: {
          plans: { Containers: 'Standard' },
          resourceGroups: [
            { name: 'rg1', location: 'westeurope' },
            { name: 'rg2', location: 'westeurope' },
          ],
        },
      }),
    );
    for (const [rg, org] of [
      ['rg1', 'a'],
      ['rg1', 'b'],
      ['rg2', 'c'],
      ['rg1', 'd'],
    ]) {
      const res = await client.putConnector(
        connectorPath(DEMO.prodSub, rg, `dh-${org}`),
        dockerHubConnectorBody(org),
      );
      expect(res.status).toBe(201);
    }
    const names: string[] = [];
    let next:
      | string
      | undefined = `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/securityConnectors`;
    const links: string[] = [];
    while (next) {
      const page = await client.arm('GET', next);
      expect(page.status).toBe(200);
      names.push(...page.json.value.map((c: any) => c.name));
      next = page.json.nextLink;
      if (next) links.push(next);
    }
    expect(links).toHaveLength(1);
    expect(links[0].startsWith(`${emu.url}/subscriptions/`)).toBe(true);
    expect(names).toEqual(['dh-a', 'dh-b', 'dh-c', 'dh-d']);
    const rg2 = await client.arm(
      'GET',
      `/subscriptions/${DEMO.prodSub}/resourceGroups/RG2/providers/Microsoft.Security/securityConnectors`,
    );
    expect(rg2.json.value.map((c: any) => c.name)).toEqual(['dh-c']);
  });

  it('rejects a PUT into a missing resource group with ResourceGroupNotFound', async () => {
    const res = await client.putConnector(
      connectorPath(DEMO.prodSub, 'rg-nope'),
    );
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('ResourceGroupNotFound');
  });

  it.each<[what: string, property: string, value: unknown]>([
    [
      'missing environmentType',
      'properties.environmentData.environmentType',
      undefined,
    ],
    ['wrong environmentName enum', 'properties.environmentName', 'Dockerhub'],
    [
      'non-integer scanInterval',
      'properties.environmentData.scanInterval',
      1.5,
    ],
    [
      'unknown authenticationType',
      'properties.environmentData.authentication.authenticationType',
      'Password',
    ],
  ])(
    'rejects a spec-violating body (%s) with 400 InvalidRequestContent naming the property',
    async (_n, property, value) => {
      const res = await client.putConnector(
        connectorPath(),
        withProperty(dockerHubConnectorBody(), property, value),
      );
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('InvalidRequestContent');
      expect(res.json.error.message).toContain(property);
      expect(res.json.error.details.map((d: any) => d.target)).toContain(
        property,
      );
      expect((await client.arm('GET', connectorPath())).status).toBe(404);
    },
  );

  it('rejects an unknown api-version the way ARM does, and a real-but-unemulated one clearly', async () => {
    const unknown = await client.arm('GET', connectorPath(), {
      apiVersion: '2020-01-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('NoRegisteredProviderFound');
    expect(unknown.json.error.message).toContain('2024-08-01-preview');
    const old = await client.arm('GET', connectorPath(), {
      apiVersion: '2021-07-01-preview',
    });
    expect(old.json.error.code).toBe('EmulatorUnsupportedApiVersion');
    const missing = await client.request('GET', connectorPath(), {
      headers: { Authorization: `Bearer ${await client.armToken()}` },
    });
    expect(missing.json.error.code).toBe('MissingApiVersionParameter');
  });

  it('sets request ids on every response and echoes the client request id', async () => {
    const res = await client.arm('GET', connectorPath(), {
      headers: { 'x-ms-client-request-id': 'abc-123' },
    });
    expect(res.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-ms-correlation-request-id']).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect(res.headers['x-ms-client-request-id']).toBe('abc-123');
    const unauth = await client.request(
      'GET',
      `${connectorPath()}?api-version=2024-08-01-preview`,
    );
    expect(unauth.headers['x-ms-request-id']).toBeDefined();
  });

  it('logs method, path and status but never bodies or tokens', async () => {
    await client.putConnector();
    const log = emu.state().requestLog;
    expect(log).toContainEqual(
      expect.objectContaining({
        method: 'PUT',
        path: connectorPath(),
        status: 201,
      }),
    );
    expect(JSON.stringify(emu.state())).not.toContain(DEMO.acmeRead);
  });
});

describe('securityConnectors with echoAccessToken (the demo scenario)', () => {
  const { emu, client } = useEmulator({}, { reloadBeforeEach: DEMO_SCENARIO });
  const tokenOf = (connector: any) =>
    connector.properties.environmentData.authentication?.accessToken;

  it('returns the stored token in GET, both lists, PUT and PATCH responses', async () => {
    expect(emu.state().echoAccessToken).toBe(true);
    expect(tokenOf((await client.arm('GET', umbrella)).json)).toBe(
      DEMO.umbrellaRead,
    );
    const bySubscription = await client.arm(
      'GET',
      `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/securityConnectors`,
    );
    expect(bySubscription.json.value.map(tokenOf)).toEqual([
      DEMO.umbrellaRead,
      DEMO.initechRevoked,
    ]);
    const byGroup = await client.arm(
      'GET',
      `/subscriptions/${DEMO.prodSub}/resourceGroups/${DEMO.rg}/providers/Microsoft.Security/securityConnectors`,
    );
    expect(byGroup.json.value.map(tokenOf)).toEqual([
      DEMO.umbrellaRead,
      DEMO.initechRevoked,
    ]);
    const created = await client.putConnector();
    expect(created.status).toBe(201);
    expect(tokenOf(created.json)).toBe(DEMO.acmeRead);
    const patched = await client.arm('PATCH', connectorPath(), {
      body: {
        properties: {
          environmentData: {
            environmentType: 'DockerHubOrganization',
            authentication: {
              authenticationType: 'AccessToken',
              username: 'mdc-acme',
            },
            scanInterval: 6,
          },
        },
      },
    });
    // PATCH merges: the token it did not name is still the stored one.
    expect(tokenOf(patched.json)).toBe(DEMO.acmeRead);
  });

  it('echoes nothing once a PUT replaced the connector without a token', async () => {
    const body = umbrellaWithoutToken();
    expect(
      tokenOf((await client.arm('PUT', umbrella, { body })).json),
    ).toBeUndefined();
    expect(tokenOf((await client.arm('GET', umbrella)).json)).toBeUndefined();
  });

  it('never puts the token into state(), Resource Graph rows or the request log', async () => {
    await client.putConnector();
    const rows = await client.resourceGraph({
      query: QUERY_TEMPLATES.dockerHubConnectors,
    });
    expect(rows.json.data).toHaveLength(3);
    for (const text of [JSON.stringify(emu.state()), rows.text]) {
      for (const token of [
        DEMO.acmeRead,
        DEMO.umbrellaRead,
        DEMO.initechRevoked,
      ])
        expect(text).not.toContain(token);
    }
  });

  it('is overridden by the echoAccessToken option, for every scenario loaded later too', async () => {
    const quiet = await startEmulator({ echoAccessToken: false });
    const c = new TestClient(quiet);
    try {
      expect(tokenOf((await c.arm('GET', umbrella)).json)).toBeUndefined();
      quiet.loadScenario(DEMO_SCENARIO);
      expect(quiet.state().echoAccessToken).toBe(false);
      c.forgetTokens();
      expect(tokenOf((await c.arm('GET', umbrella)).json)).toBeUndefined();
    } finally {
      c.close();
      await quiet.stop();
    }
  });
});
