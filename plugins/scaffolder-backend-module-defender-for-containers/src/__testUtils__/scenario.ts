import type { ScenarioInput } from '@defender-backstage/azure-dockerhub-emulator';
import {
  ADMIN,
  productionSubscription,
  READER,
  RG,
  SUB,
  SUB_B,
  TENANT,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';

/**
 * The shared ids. In this world Production (SUB) is registered with Defender for Containers on
 * (the examples use it); Staging (SUB_B) is registered, every plan off, and holds globex's
 * connector.
 */
export { ADMIN, READER, RG, SUB, SUB_B, TENANT };

// The other fake ids and secrets below exist only in this world, inside the emulator.

/** Contributor everywhere: `*` minus Microsoft.Authorization writes. */
export const CONTRIBUTOR = {
  clientId: '00000000-0000-0000-0000-0000000000b3',
  clientSecret: 'emu-contributor-secret',
};
/** Security Reader everywhere: reads of Microsoft.Security, no write. */
export const SECURITY_READER = {
  clientId: '00000000-0000-0000-0000-0000000000b4',
  clientSecret: 'emu-security-reader-secret',
};
/** Sandbox: Microsoft.Security not registered. */
export const SUB_C = '00000000-0000-0000-0000-000000000003';

export const TOKENS = {
  read: 'dckr_pat_mdcReadOnlyToken000000000001',
  read2: 'dckr_pat_mdcReadOnlyToken000000000002',
  expiring: 'dckr_pat_mdcExpiringToken00000000003',
  publicRead: 'dckr_pat_mdcPublicReadToken0000000004',
  write: 'dckr_pat_mdcReadWriteToken00000000005',
  revoked: 'dckr_pat_mdcRevokedToken0000000000006',
  member: 'dckr_pat_memberReadToken0000000000007',
  outsider: 'dckr_pat_outsiderReadToken00000000008',
  globex: 'dckr_pat_globexReadToken0000000000009',
  umbrella: 'dckr_pat_umbrellaReadToken00000000010',
  oat: 'dckr_oat_acmeOrgAccessToken000000000011',
  password: 'correct-horse-battery-staple',
};

/**
 * `defenderForContainers.azure.subscriptions` of the actions under test: Production and Sandbox
 * with a default resource group and location, Staging without defaults.
 */
export const ALLOWED_SUBSCRIPTIONS = [
  {
    id: SUB,
    displayName: 'Production',
    defaults: { resourceGroup: RG, location: 'westeurope' },
  },
  { id: SUB_B, displayName: 'Staging' },
  {
    id: SUB_C,
    displayName: 'Sandbox',
    defaults: { resourceGroup: RG, location: 'westeurope' },
  },
];

/**
 * Onboarding acme as its dedicated editor with a read-only token, into Production's resource
 * group, stating no setting (what a token rotation sends). Suites add the settings they test.
 */
export const ACME_INPUT = {
  organization: 'acme',
  username: 'mdcuser',
  accessToken: TOKENS.read,
  subscriptionId: SUB,
  resourceGroup: RG,
};

/** The settings the onboarding example states (a 12-hour scan, owned by a team). */
export const ACME_SETTINGS = {
  location: 'westeurope',
  plans: { defenderForContainers: true, defenderCspm: false },
  scanIntervalHours: 12,
  owner: 'group:default/platform-team',
};

/** The connector id onboarding `ACME_INPUT` writes. */
export const ACME_CONNECTOR_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-acme`;

const editorOf = (user: string) => ({ user, role: 'editor' as const });

/** The world the action tests run in; `expiringAt` sets when TOKENS.expiring stops working. */
export function scenario(options: { expiringAt?: string } = {}): ScenarioInput {
  const roles = {
    [SUB]: 'Security Admin',
    [SUB_B]: 'Security Admin',
    [SUB_C]: 'Security Admin',
  } as const;
  return {
    azure: {
      tenantId: TENANT,
      principals: [
        { ...ADMIN, displayName: 'backstage', roles },
        {
          ...READER,
          displayName: 'reader',
          roles: { [SUB]: 'Reader', [SUB_B]: 'Reader', [SUB_C]: 'Reader' },
        },
        {
          ...CONTRIBUTOR,
          displayName: 'contributor',
          roles: {
            [SUB]: 'Contributor',
            [SUB_B]: 'Contributor',
            [SUB_C]: 'Contributor',
          },
        },
        {
          ...SECURITY_READER,
          displayName: 'security reader',
          roles: {
            [SUB]: 'Security Reader',
            [SUB_B]: 'Security Reader',
            [SUB_C]: 'Security Reader',
          },
        },
      ],
      subscriptions: [
        productionSubscription(),
        {
          id: SUB_B,
          displayName: 'Staging',
          resourceGroups: [{ name: RG, location: 'westeurope' }],
        },
        {
          id: SUB_C,
          displayName: 'Sandbox',
          registrationState: 'NotRegistered',
          plans: { Containers: 'Standard', CloudPosture: 'Standard' },
          resourceGroups: [{ name: RG, location: 'westeurope' }],
        },
      ],
      connectors: [
        {
          subscriptionId: SUB_B,
          resourceGroup: RG,
          name: 'dockerhub-globex',
          organization: 'globex',
          username: 'globuser',
          token: TOKENS.globex,
        },
        {
          subscriptionId: SUB,
          resourceGroup: RG,
          name: 'shared',
          organization: 'umbrella',
          username: 'umbuser',
          token: TOKENS.umbrella,
        },
      ],
      healthDelaySeconds: 60,
    },
    dockerHub: {
      orgs: [
        {
          name: 'acme',
          members: [
            editorOf('mdcuser'),
            { user: 'memberuser', role: 'member' },
          ],
          repositories: [
            { name: 'api', private: true },
            { name: 'web', private: true },
            { name: 'docs', private: false },
          ],
        },
        {
          name: 'publiconly',
          members: [editorOf('mdcuser')],
          repositories: [{ name: 'site', private: false }],
        },
        {
          name: 'globex',
          members: [editorOf('globuser'), editorOf('mdcuser')],
          repositories: [{ name: 'app', private: true }],
        },
        {
          name: 'umbrella',
          members: [editorOf('umbuser')],
          repositories: [{ name: 'lab', private: true }],
        },
      ],
      users: [
        {
          username: 'mdcuser',
          email: 'mdc_user@contoso.com',
          password: TOKENS.password,
        },
        { username: 'memberuser', email: 'member@contoso.com' },
        { username: 'outsider', email: 'outsider@contoso.com' },
        { username: 'globuser', email: 'glob@contoso.com' },
        { username: 'umbuser', email: 'umb@contoso.com' },
      ],
      tokens: [
        { secret: TOKENS.read, user: 'mdcuser', scope: 'read' },
        { secret: TOKENS.read2, user: 'mdcuser', scope: 'read' },
        {
          secret: TOKENS.expiring,
          user: 'mdcuser',
          scope: 'read',
          expiresAt: options.expiringAt ?? '2099-01-01T00:00:00Z',
        },
        { secret: TOKENS.publicRead, user: 'mdcuser', scope: 'public_read' },
        { secret: TOKENS.write, user: 'mdcuser', scope: 'write' },
        {
          secret: TOKENS.revoked,
          user: 'mdcuser',
          scope: 'read',
          revoked: true,
        },
        { secret: TOKENS.member, user: 'memberuser', scope: 'read' },
        { secret: TOKENS.outsider, user: 'outsider', scope: 'read' },
        { secret: TOKENS.globex, user: 'globuser', scope: 'read' },
        { secret: TOKENS.umbrella, user: 'umbuser', scope: 'read' },
        { secret: TOKENS.oat, org: 'acme', scope: 'read' },
      ],
    },
  };
}
