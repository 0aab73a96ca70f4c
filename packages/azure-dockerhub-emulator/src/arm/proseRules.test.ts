/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectRefused", "expectUnchanged"] }] */
import type { ScenarioInput } from '../scenario/scenarioSchema';
import { DEMO_SCENARIO } from '../startEmulator';
import { ownerScenario } from '../testUtils/ownerScenario';
import { scanIntervalPatch } from '../testUtils/scanIntervalPatch';
import {
  connectorPath,
  DEMO,
  dockerHubConnectorBody,
  HEALTH_API,
  TestResponse,
} from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';
import { withProperty } from '../testUtils/withProperty';

const PRICING_API = '2024-01-01';
const umbrella = connectorPath(DEMO.prodSub, DEMO.rg, 'dockerhub-umbrella');

/** The rules Microsoft states in prose that the specs do not encode (see proseRules.ts). */
describe('rules from Microsoft prose documentation', () => {
  const { emu, client } = useEmulator(
    { echoAccessToken: false },
    { reloadBeforeEach: DEMO_SCENARIO },
  );

  const expectRefused = (
    res: TestResponse,
    status: number,
    code: string,
    target?: string,
  ) => {
    expect({ status: res.status, code: res.json?.error?.code }).toEqual({
      status,
      code,
    });
    if (target) expect(res.json.error.target).toBe(target);
  };
  /** A refused write must leave nothing behind. */
  const expectUnchanged = async (id: string, before: unknown) => {
    const after = await client.arm('GET', id);
    if (before === undefined) expect(after.status).toBe(404);
    else expect(after.json).toEqual(before);
  };

  describe('resource names (ARM resource provider contract)', () => {
    it.each([
      ['a colon', 'dockerhub:acme'],
      ['an ampersand', 'dockerhub&acme'],
      ['a percent sign', 'dockerhub%25acme'],
      ['a backslash', 'dockerhub%5Cacme'],
      ['angle brackets', 'dockerhub%3Cacme%3E'],
      ['a hash', 'dockerhub%23acme'],
      ['a control character', 'dockerhub%09acme'],
      ['261 characters', 'd'.repeat(261)],
    ])(
      'refuses a connector name with %s (InvalidResourceName) on PUT and GET',
      async (_what, name) => {
        const id = connectorPath(DEMO.prodSub, DEMO.rg, name);
        expectRefused(
          await client.putConnector(id),
          400,
          'InvalidResourceName',
          'securityConnectorName',
        );
        expectRefused(await client.arm('GET', id), 400, 'InvalidResourceName');
        expect(emu.state().connectors).toHaveLength(2);
      },
    );

    it('accepts 260 characters, dots, underscores and parentheses', async () => {
      expect(
        (
          await client.putConnector(
            connectorPath(DEMO.prodSub, DEMO.rg, 'd'.repeat(260)),
          )
        ).status,
      ).toBe(201);
      const other = connectorPath(DEMO.prodSub, DEMO.rg, 'docker.hub_(globex)');
      expect(
        (
          await client.putConnector(
            other,
            dockerHubConnectorBody('globex', 'mdc-globex', DEMO.globexWrite),
          )
        ).status,
      ).toBe(201);
    });

    it('refuses a resource group name that ends with a period (InvalidResourceGroupName)', async () => {
      const id = connectorPath(DEMO.prodSub, `${DEMO.rg}.`);
      expectRefused(
        await client.putConnector(id),
        400,
        'InvalidResourceGroupName',
        'resourceGroupName',
      );
    });
  });

  it('refuses a PUT without location (LocationRequired)', async () => {
    const body: any = dockerHubConnectorBody();
    delete body.location;
    expectRefused(
      await client.arm('PUT', connectorPath(), { body }),
      400,
      'LocationRequired',
    );
    await expectUnchanged(connectorPath(), undefined);
  });

  describe('tags (ARM tag limitations)', () => {
    const fifty = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`tag${i}`, 'v']),
    );
    const cases: Array<[string, Record<string, string>, string]> = [
      ['51 tags', { ...fifty, tag50: 'v' }, 'InvalidTags'],
      ['a 513-character name', { ['n'.repeat(513)]: 'v' }, 'InvalidTagName'],
      [
        'a 257-character value',
        { owner: 'v'.repeat(257) },
        'InvalidTagValueLength',
      ],
      ...['<', '>', '%', '&', '\\', '?', '/', '\u0007'].map(
        (c): [string, Record<string, string>, string] => [
          `a name with ${JSON.stringify(c)}`,
          { [`a${c}b`]: 'v' },
          'InvalidTagNameCharacters',
        ],
      ),
      [
        'two names that differ only in case',
        { Team: 'a', team: 'b' },
        'InvalidTagName',
      ],
    ];
    const umbrellaTagged = (tags: Record<string, string>) => ({
      ...dockerHubConnectorBody('umbrella', 'mdc-umbrella', DEMO.umbrellaRead),
      tags,
    });
    it.each(cases)('refuses %s on PUT and PATCH', async (_what, tags, code) => {
      const before = (await client.arm('GET', umbrella)).json;
      const body = umbrellaTagged(tags);
      expectRefused(await client.arm('PUT', umbrella, { body }), 400, code);
      expectRefused(
        await client.arm('PATCH', umbrella, { body: { tags } }),
        400,
        code,
      );
      await expectUnchanged(umbrella, before);
    });

    it('accepts the limits themselves: 50 tags, 512-character names, 256-character values, any value characters', async () => {
      const tags = { ...fifty, tag0: 'group:default/a<b>&c?%' };
      const body = umbrellaTagged(tags);
      expect((await client.arm('PUT', umbrella, { body })).status).toBe(200);
      const long = { ['n'.repeat(512)]: 'v'.repeat(256) };
      expect(
        (await client.arm('PATCH', umbrella, { body: { tags: long } })).json
          .tags,
      ).toEqual(long);
    });
  });

  describe('Docker Hub connector properties', () => {
    const data = 'properties.environmentData';
    // The property set, its value (undefined leaves it out) and the target ARM names, if another.
    it.each<[what: string, path: string, value: unknown, target?: string]>([
      [
        'environment data of another environment',
        data,
        { environmentType: 'AwsAccount' },
        `${data}.environmentType`,
      ],
      ['no environment data', data, undefined, `${data}.environmentType`],
      [
        'another environmentName with Docker Hub data',
        'properties.environmentName',
        'Github',
      ],
      [
        'an offering of another environment',
        'properties.offerings.2',
        { offeringType: 'CspmMonitorGithub' },
        'properties.offerings[2].offeringType',
      ],
      ['no hierarchyIdentifier', 'properties.hierarchyIdentifier', undefined],
      ['a blank hierarchyIdentifier', 'properties.hierarchyIdentifier', '  '],
      ...[0, 25, 168].map((hours): [string, string, number] => [
        `a scan interval of ${hours} hours`,
        `${data}.scanInterval`,
        hours,
      ]),
    ])(
      'refuses a Docker Hub connector with %s (400 InvalidRequestContent)',
      async (_what, path, value, target = path) => {
        expectRefused(
          await client.putConnector(
            connectorPath(),
            withProperty(dockerHubConnectorBody(), path, value),
          ),
          400,
          'InvalidRequestContent',
          target,
        );
        await expectUnchanged(connectorPath(), undefined);
      },
    );

    it('accepts scan intervals of 1 and 24 hours, and refuses a PATCH that leaves the range', async () => {
      const body = dockerHubConnectorBody();
      body.properties.environmentData.scanInterval = 1;
      expect((await client.arm('PUT', connectorPath(), { body })).status).toBe(
        201,
      );
      const before = (await client.arm('GET', umbrella)).json;
      expectRefused(
        await client.arm('PATCH', umbrella, { body: scanIntervalPatch(48) }),
        400,
        'InvalidRequestContent',
        'properties.environmentData.scanInterval',
      );
      await expectUnchanged(umbrella, before);
      expect(
        (await client.arm('PATCH', umbrella, { body: scanIntervalPatch(24) }))
          .status,
      ).toBe(200);
    });
  });

  describe('an existing Docker Hub connector keeps its organization and environment', () => {
    it('refuses a PUT or PATCH naming another organization (PropertyChangeNotAllowed), accepts another spelling of the same', async () => {
      const before = (await client.arm('GET', umbrella)).json;
      const moved = await client.putConnector(
        umbrella,
        dockerHubConnectorBody('acme', 'mdc-acme', DEMO.acmeRead),
      );
      expectRefused(
        moved,
        400,
        'PropertyChangeNotAllowed',
        'properties.hierarchyIdentifier',
      );
      expect(moved.json.error.message).toContain("from 'umbrella' to 'acme'");
      expectRefused(
        await client.arm('PATCH', umbrella, {
          body: { properties: { hierarchyIdentifier: 'acme' } },
        }),
        400,
        'PropertyChangeNotAllowed',
      );
      await expectUnchanged(umbrella, before);
      const same = await client.putConnector(
        umbrella,
        dockerHubConnectorBody('Umbrella', 'mdc-umbrella', DEMO.umbrellaRead),
      );
      expect(same.status).toBe(200);
    });

    it('refuses turning it into a connector of another environment', async () => {
      const body = {
        location: 'westeurope',
        properties: {
          hierarchyIdentifier: 'umbrella',
          environmentName: 'Github',
          environmentData: { environmentType: 'GithubScope' },
          offerings: [],
        },
      };
      expectRefused(
        await client.arm('PUT', umbrella, { body }),
        400,
        'PropertyChangeNotAllowed',
        'properties.environmentName',
      );
    });
  });

  describe('Defender prerequisite: Defender for Containers or Defender CSPM on at least one subscription', () => {
    const world = (plans: {
      Containers: 'Standard' | 'Free';
      CloudPosture: 'Standard' | 'Free';
    }): ScenarioInput =>
      ownerScenario({
        subscription: { displayName: 'free' },
        otherSubscriptions: [
          { id: DEMO.sandboxSub, displayName: 'other', plans },
        ],
        connectors: ['umbrella'],
      });

    it('refuses to create a Docker Hub connector when no subscription has either plan, but still updates existing ones', async () => {
      emu.loadScenario(world({ Containers: 'Free', CloudPosture: 'Free' }));
      expectRefused(await client.putConnector(), 400, 'DefenderPlanNotEnabled');
      await expectUnchanged(connectorPath(), undefined);
      expect(
        (
          await client.putConnector(
            umbrella,
            dockerHubConnectorBody('umbrella', 'u', 'dckr_pat_t'),
          )
        ).status,
      ).toBe(200);
    });

    it.each([
      [
        'Defender CSPM',
        { Containers: 'Free', CloudPosture: 'Standard' } as const,
      ],
      [
        'Defender for Containers',
        { Containers: 'Standard', CloudPosture: 'Free' } as const,
      ],
    ])('creates it when another subscription has %s', async (_plan, plans) => {
      emu.loadScenario(world(plans));
      expect((await client.putConnector()).status).toBe(201);
    });
  });

  it('lists health reports only at subscription or security connector scope (InvalidScope)', async () => {
    for (const scope of [
      `/subscriptions/${DEMO.prodSub}/resourceGroups/${DEMO.rg}`,
      `${umbrella}/devops/default`,
    ]) {
      const res = await client.arm(
        'GET',
        `${scope}/providers/Microsoft.Security/healthReports`,
        { apiVersion: HEALTH_API },
      );
      expectRefused(res, 400, 'InvalidScope');
    }
  });

  describe("pricings list $filter: only 'name in (...)'", () => {
    const list = (filter: string) =>
      client.arm(
        'GET',
        `/subscriptions/${
          DEMO.prodSub
        }/providers/Microsoft.Security/pricings?$filter=${encodeURIComponent(
          filter,
        )}`,
        { apiVersion: PRICING_API },
      );

    it.each([
      ['name in (Containers)', ['Containers']],
      ['name in (VirtualMachines,cloudposture)', ['CloudPosture']],
      [
        "NAME IN ('Containers', 'CloudPosture')",
        ['Containers', 'CloudPosture'],
      ],
    ])('honours %s', async (filter, names) => {
      const res = await list(filter);
      expect(res.status).toBe(200);
      expect(res.json.value.map((p: any) => p.name)).toEqual(names);
    });

    it.each([
      "name eq 'Containers'",
      'pricingTier in (Standard)',
      'name in Containers',
      'name in (Containers) or name in (CloudPosture)',
    ])('refuses %s (InvalidFilter)', async filter =>
      expectRefused(await list(filter), 400, 'InvalidFilter', '$filter'),
    );
  });
});
