import fs from 'node:fs';
import path from 'node:path';
import { loadSpecs, SPEC_DIR } from '../startEmulator';
import { ownerScenario } from '../testUtils/ownerScenario';
import { DEMO } from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';

const SECURITY = path.join(
  SPEC_DIR,
  'azure-specification/security/resource-manager/Microsoft.Security',
);
const examplesIn = (dir: string) =>
  fs
    .readdirSync(path.join(SECURITY, dir))
    .map(
      f =>
        [
          f,
          JSON.parse(fs.readFileSync(path.join(SECURITY, dir, f), 'utf8')),
        ] as const,
    );

const OPERATION_OF: Record<string, string> = {
  PutSecurityConnector_example: 'SecurityConnectors_CreateOrUpdate',
  GetSecurityConnectorSingleResource_example: 'SecurityConnectors_Get',
  GetSecurityConnectorsResourceGroup_example:
    'SecurityConnectors_ListByResourceGroup',
  GetSecurityConnectorsSubscription_example: 'SecurityConnectors_List',
  PatchSecurityConnector_example: 'SecurityConnectors_Update',
  DeleteSecurityConnector_example: 'SecurityConnectors_Delete',
  GetHealthReports_example: 'HealthReports_Get',
  ListHealthReports_example: 'HealthReports_List',
  ListPricings_example: 'Pricings_List',
  GetPricingByNameCloudPosture_example: 'Pricings_Get',
  GetResourcePricingByNameContainers_example: 'Pricings_Get',
};

/**
 * Where Microsoft's example contradicts its own spec: the resource-level Containers example sends
 * `inheritedFrom: null`, which pricings.json types as a non-nullable string. Listed exactly, so a
 * new disagreement still fails.
 */
const KNOWN_EXAMPLE_DEVIATIONS: Record<string, string[]> = {
  GetResourcePricingByNameContainers_example: [
    'properties.inheritedFrom must be string',
  ],
};

const ALL_EXAMPLES = [
  ...examplesIn('preview/2024-08-01-preview/examples/SecurityConnectors'),
  ...examplesIn('preview/2023-05-01-preview/examples/HealthReports'),
  ...examplesIn('stable/2024-01-01/examples/Pricings'),
];

describe('official examples', () => {
  // The validator must agree with Microsoft's own examples, or its verdicts mean nothing.
  it.each(ALL_EXAMPLES.map(([f, e]) => [f, e] as const))(
    'the response of %s passes the response validator',
    (file, example) => {
      const name = file.replace(/\.json$/, '');
      for (const [status, response] of Object.entries<any>(example.responses)) {
        const issues = loadSpecs().validateResponse(
          OPERATION_OF[name],
          Number(status),
          response.body,
        );
        expect(issues.map(i => `${i.name} ${i.message}`)).toEqual(
          KNOWN_EXAMPLE_DEVIATIONS[name] ?? [],
        );
      }
    },
  );

  describe('replayed against the emulator', () => {
    // The examples' subscription becomes a scenario subscription; their resource group exists.
    const { client } = useEmulator(
      {},
      {
        reloadBeforeEach: ownerScenario({
          role: 'Security Admin',
          subscription: {
            resourceGroups: [
              { name: 'exampleResourceGroup', location: 'centralus' },
            ],
          },
        }),
      },
    );

    const example = (name: string) =>
      ALL_EXAMPLES.find(([f]) => f === `${name}.json`)![1];
    const pathOf = (p: any) =>
      `/subscriptions/${DEMO.prodSub}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Security/securityConnectors/${p.securityConnectorName}`;

    it('each PUT example body is stored and GET returns the equivalent resource', async () => {
      const put = example('PutSecurityConnector_example');
      const target = pathOf(put.parameters);
      const body = put.parameters.securityConnector;
      const created = await client.arm('PUT', target, { body });
      expect(created.status).toBe(201);
      const got = await client.arm('GET', target);
      const expected = put.responses['200'].body;
      expect(got.json).toMatchObject({
        name: expected.name,
        type: 'Microsoft.Security/securityConnectors',
        location: expected.location,
        tags: expected.tags,
        properties: {
          hierarchyIdentifier: expected.properties.hierarchyIdentifier,
          environmentName: expected.properties.environmentName,
          environmentData: expected.properties.environmentData,
          offerings: body.properties.offerings,
        },
      });
      expect(got.json.id.toLowerCase()).toBe(target.toLowerCase());
    });

    it('the PATCH example updates what the PUT example created', async () => {
      const put = example('PutSecurityConnector_example');
      await client.arm('PUT', pathOf(put.parameters), {
        body: put.parameters.securityConnector,
      });
      const patch = example('PatchSecurityConnector_example');
      const res = await client.arm('PATCH', pathOf(patch.parameters), {
        body: patch.parameters.securityConnector,
      });
      expect(res.status).toBe(200);
      expect(res.json.properties.environmentData).toEqual(
        patch.responses['200'].body.properties.environmentData,
      );
    });

    it('the DELETE example answers 200 then 204', async () => {
      const put = example('PutSecurityConnector_example');
      await client.arm('PUT', pathOf(put.parameters), {
        body: put.parameters.securityConnector,
      });
      expect((await client.arm('DELETE', pathOf(put.parameters))).status).toBe(
        200,
      );
      expect((await client.arm('DELETE', pathOf(put.parameters))).status).toBe(
        204,
      );
    });
  });
});
