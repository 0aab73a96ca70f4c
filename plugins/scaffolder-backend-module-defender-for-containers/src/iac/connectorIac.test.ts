import { buildDockerHubConnectorBody } from '@defender-backstage/plugin-defender-for-containers-node';
import {
  BICEP_REFS,
  TERRAFORM_REFS,
  asCode,
  parseIac,
} from '../__testUtils__/iacBodies';
import { Ref } from '../__testUtils__/parseIacSubset';
import { apiVersionOf, connectorAsCode } from './connectorIac';

const TOKEN = 'dckr_pat_unitTestToken0000000000000001';
const SUB = '00000000-0000-0000-0000-000000000001';
const RG = 'rg-defender';
const ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-acme`;
const url = (apiVersion = '2024-08-01-preview') =>
  `https://management.azure.com${ID}?api-version=${apiVersion}`;
const target = {
  subscriptionId: SUB,
  resourceGroup: RG,
  connectorName: 'dockerhub-acme',
  connectorId: ID,
  organization: 'acme',
  exists: false,
};

type Spec = Parameters<typeof buildDockerHubConnectorBody>[0];
const spec = (patch: Partial<Spec> = {}): Spec => ({
  organization: 'acme',
  username: 'mdcuser',
  accessToken: TOKEN,
  location: 'westeurope',
  scanIntervalHours: 24,
  plans: { defenderForContainers: true, defenderCspm: false },
  ...patch,
});

/** The code of the PUT body, the token unmasked: the generators must not need the mask. */
function codeOf(
  s: Spec,
  options: { exists?: boolean; apiVersion?: string } = {},
) {
  const body = buildDockerHubConnectorBody(s);
  const iac = connectorAsCode(
    { method: 'PUT', url: url(options.apiVersion), body },
    { ...target, exists: options.exists ?? false },
  );
  return { body, iac, parsed: parseIac(iac) };
}

const PLANS = [
  { defenderForContainers: true, defenderCspm: false },
  { defenderForContainers: true, defenderCspm: true },
  { defenderForContainers: false, defenderCspm: true },
  { defenderForContainers: false, defenderCspm: false },
];
const TAGS: Array<[string, number, Record<string, string> | undefined]> = [
  ['no tags', 24, undefined],
  [
    'owner and system',
    7,
    {
      'backstage-owner': 'group:default/platform-team',
      'backstage-system': 'containers',
    },
  ],
  [
    'owner, system and further tags',
    1,
    {
      'cost-center': '42',
      env: 'prod',
      'backstage-owner': 'user:default/jane',
      'backstage-system': 'system:default/containers',
    },
  ],
];

describe('the connector as Bicep and Terraform', () => {
  describe.each(PLANS)('plans %o', plans => {
    it.each(TAGS)(
      '%s, every %d hours: both carry exactly the fields of the PUT body',
      (_what, scanIntervalHours, tags) => {
        const s = spec({ plans, tags, scanIntervalHours, etag: 'W/"7"' });
        const { body, iac, parsed } = codeOf(s);
        expect(parsed.bicepBody).toStrictEqual(asCode(body, BICEP_REFS));
        expect(parsed.terraformBody).toStrictEqual(
          asCode(body, TERRAFORM_REFS),
        );
        expect(parsed.bicep.resources.connector).toMatchObject({
          type: 'Microsoft.Security/securityConnectors@2024-08-01-preview',
          body: { name: 'dockerhub-acme' },
        });
        expect(parsed.terraformResource.body.attributes).toMatchObject({
          type: 'Microsoft.Security/securityConnectors@2024-08-01-preview',
          name: 'dockerhub-acme',
          parent_id: `/subscriptions/${SUB}/resourceGroups/${RG}`,
        });
        for (const code of [iac.bicep, iac.terraform]) {
          expect(code).not.toContain(TOKEN);
          expect(code).not.toContain('W/');
        }
      },
    );
  });

  it('declares the token as a @secure() parameter without a value, the user as a plain one', () => {
    const { params, outputs } = codeOf(spec()).parsed.bicep;
    expect(params).toStrictEqual({
      dockerHubUsername: {
        type: 'string',
        decorators: [
          'description:The dedicated Docker Hub user Defender signs in as',
        ],
        default: 'mdcuser',
      },
      dockerHubAccessToken: {
        type: 'string',
        decorators: [
          'secure',
          'description:Read-only personal access token (dckr_pat_...) of that user',
        ],
      },
    });
    expect(outputs.connectorId.value).toStrictEqual(new Ref('connector.id'));
  });

  it('takes the token from a sensitive Terraform variable, with azapi 2 and a note on the state', () => {
    const { iac, parsed } = codeOf(spec());
    const [token] = parsed.blocks('variable', 'dockerhub_access_token');
    expect(token.body.attributes).toStrictEqual({
      description:
        'Read-only personal access token (dckr_pat_...) of that user',
      type: new Ref('string'),
      sensitive: true,
    });
    const [user] = parsed.blocks('variable', 'dockerhub_username');
    expect(user.body.attributes.default).toBe('mdcuser');
    const [tf] = parsed.blocks('terraform');
    expect(tf.body.blocks[0].body.attributes).toStrictEqual({
      azapi: { source: 'Azure/azapi', version: '~> 2.0' },
    });
    expect(iac.terraform).toMatch(
      /Terraform keeps the\n# body azapi sent, token included, in its state/,
    );
    expect(iac.terraform).toContain('never commit terraform.tfstate');
    expect(parsed.blocks('import')).toEqual([]);
  });

  it('adopts an existing connector in Terraform with an import block; Bicep needs none', () => {
    const { iac, parsed } = codeOf(spec(), { exists: true });
    expect(parsed.blocks('import')[0].body.attributes).toStrictEqual({
      to: new Ref('azapi_resource.dockerhub_connector'),
      id: ID,
    });
    expect(iac.bicep).toBe(codeOf(spec()).iac.bicep);
  });

  it('uses the api-version the ARM client sends', () => {
    const { parsed } = codeOf(spec(), { apiVersion: '2024-07-01-preview' });
    expect(parsed.bicep.resources.connector.type).toBe(
      'Microsoft.Security/securityConnectors@2024-07-01-preview',
    );
    expect(parsed.terraformResource.body.attributes.type).toBe(
      'Microsoft.Security/securityConnectors@2024-07-01-preview',
    );
    expect(() => apiVersionOf(`https://management.azure.com${ID}`)).toThrow(
      'names no api-version',
    );
  });

  it('tells how to apply each, with shell-quoted names', () => {
    const rg = 'rg-(defender)';
    const body = buildDockerHubConnectorBody(spec());
    const { bicep, terraform } = connectorAsCode(
      { method: 'PUT', url: url(), body },
      { ...target, resourceGroup: rg },
    );
    expect(bicep).toContain(
      `//   az deployment group create --subscription ${SUB} --resource-group 'rg-(defender)' \\\n//     --template-file dockerhub-acme.bicep`,
    );
    expect(terraform).toContain('#   terraform init && terraform apply');
    expect(
      parseIac({ bicep, terraform }).terraformResource.body.attributes
        .parent_id,
    ).toBe(`/subscriptions/${SUB}/resourceGroups/${rg}`);
  });
});
