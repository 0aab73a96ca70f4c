/**
 * OUR response schemas — not Microsoft's, not Docker's — for the emulated routes that no shipped
 * spec describes. Each is built from the shapes the public sources show (links per route) and is
 * strict (`additionalProperties: false`), so that what the emulator answers on these routes is
 * pinned down as firmly as what it answers on the spec-described ones. Tests validate every
 * response against these the same way as against the official specs (SpecRegistry).
 */

type Schema = Record<string, unknown>;

export interface OwnRouteSchema {
  /** Operation id, as the public REST reference names it where there is one. */
  id: string;
  method: string;
  /** Path template; `{name}` stands for one path segment. */
  template: string;
  /** Where the shape comes from. */
  source: string;
  /** By status, or `default` for every status not listed. */
  responses: Record<string, Schema>;
}

const string = { type: 'string' };
const strings = { type: 'array', items: string };
const integer = { type: 'integer' };
const object = (
  properties: Record<string, unknown>,
  required: string[] = Object.keys(properties),
): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/** ARM's error envelope (CloudError in every ARM spec). */
const armError = object({
  error: object(
    {
      code: string,
      message: string,
      target: string,
      details: {
        type: 'array',
        items: object({ code: string, message: string, target: string }, [
          'code',
          'message',
        ]),
      },
    },
    ['code', 'message'],
  ),
});

const provider = object(
  {
    id: string,
    namespace: string,
    registrationState: {
      enum: ['Registered', 'NotRegistered', 'Registering', 'Unregistering'],
    },
    registrationPolicy: string,
    resourceTypes: {
      type: 'array',
      items: object({
        resourceType: string,
        locations: strings,
        apiVersions: strings,
      }),
    },
  },
  ['id', 'namespace', 'registrationState', 'resourceTypes'],
);

/** Docker Hub's error bodies: `{detail, message}`, 401 adds `errinfo`, 429 `error: false`. */
const hubError = object(
  {
    detail: string,
    message: string,
    errinfo: { type: 'object' },
    error: { type: 'boolean' },
  },
  ['detail'],
);

const nullableString = { type: ['string', 'null'] };

const hubOrg = object({
  id: string,
  uuid: string,
  orgname: string,
  full_name: string,
  location: string,
  company: string,
  profile_url: string,
  date_joined: { type: 'string', format: 'date-time' },
  gravatar_email: string,
  gravatar_url: string,
  type: { const: 'Organization' },
  badge: string,
  is_active: { type: 'boolean' },
  user_role: { enum: ['member', 'editor', 'owner'] },
  user_groups: strings,
  org_groups_count: integer,
  plan_name: string,
  parent_name: nullableString,
});

/** Entra's OAuth 2.0 error body. */
const oauthError = object(
  {
    error: string,
    error_description: string,
    error_codes: { type: 'array', items: integer },
    timestamp: string,
    trace_id: string,
    correlation_id: string,
    error_uri: string,
  },
  ['error', 'error_description'],
);

export const OWN_ROUTE_SCHEMAS: OwnRouteSchema[] = [
  {
    id: 'Providers_Get',
    method: 'GET',
    template:
      '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}',
    source:
      'https://learn.microsoft.com/rest/api/resources/providers/get (Microsoft.Resources, api-version 2021-04-01)',
    responses: { 200: provider, default: armError },
  },
  {
    id: 'Providers_Register',
    method: 'POST',
    template:
      '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register',
    source: 'https://learn.microsoft.com/rest/api/resources/providers/register',
    responses: { 200: provider, default: armError },
  },
  {
    id: 'Permissions_ListForResourceGroup',
    method: 'GET',
    template:
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Authorization/permissions',
    source:
      'https://learn.microsoft.com/rest/api/authorization/permissions/list-for-resource-group (api-version 2022-04-01)',
    responses: {
      200: object(
        {
          value: {
            type: 'array',
            items: object(
              {
                actions: strings,
                notActions: strings,
                dataActions: strings,
                notDataActions: strings,
                condition: string,
                conditionVersion: string,
              },
              ['actions', 'notActions', 'dataActions', 'notDataActions'],
            ),
          },
          nextLink: string,
        },
        ['value'],
      ),
      default: armError,
    },
  },
  {
    id: 'ListUserOrgs',
    method: 'GET',
    template: '/v2/user/orgs',
    source:
      'undocumented; item fields as in docker/hub-mcp src/accounts.ts (https://github.com/docker/hub-mcp), paging as every Hub list',
    responses: {
      200: object({
        count: integer,
        next: nullableString,
        previous: nullableString,
        results: { type: 'array', items: hubOrg },
      }),
      default: hubError,
    },
  },
  {
    id: 'RegistryToken',
    method: 'GET',
    template: '/token',
    source:
      'https://distribution.github.io/distribution/spec/auth/token/ (the token response) and Docker Hub error bodies seen in docker/cli#4511',
    responses: {
      200: object({
        token: string,
        access_token: string,
        expires_in: integer,
        issued_at: { type: 'string', format: 'date-time' },
      }),
      default: object({ details: string }),
    },
  },
  {
    id: 'EntraToken',
    method: 'POST',
    template: '/{tenant}/oauth2/v2.0/token',
    source:
      'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow (success and error responses)',
    responses: {
      200: object({
        token_type: { const: 'Bearer' },
        expires_in: integer,
        ext_expires_in: integer,
        access_token: string,
      }),
      default: oauthError,
    },
  },
  {
    id: 'OpenIdConfiguration',
    method: 'GET',
    template: '/{tenant}/v2.0/.well-known/openid-configuration',
    source:
      'https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc (the OpenID Connect metadata document)',
    responses: {
      200: {
        type: 'object',
        // The metadata document has many optional members; MSAL needs these.
        required: [
          'issuer',
          'token_endpoint',
          'authorization_endpoint',
          'jwks_uri',
        ],
        properties: {
          issuer: string,
          token_endpoint: string,
          authorization_endpoint: string,
          jwks_uri: string,
        },
      },
      default: oauthError,
    },
  },
  {
    id: 'InstanceDiscovery',
    method: 'GET',
    template: '/common/discovery/instance',
    source: 'what MSAL reads from it (tenant_discovery_endpoint, metadata)',
    responses: {
      200: object({
        tenant_discovery_endpoint: string,
        'api-version': string,
        metadata: {
          type: 'array',
          items: object({
            preferred_network: string,
            preferred_cache: string,
            aliases: strings,
          }),
        },
      }),
      default: oauthError,
    },
  },
  {
    id: 'DiscoveryKeys',
    method: 'GET',
    template: '/{tenant}/discovery/v2.0/keys',
    source: 'a JSON Web Key Set (RFC 7517 §5)',
    responses: {
      200: object({ keys: { type: 'array', items: { type: 'object' } } }),
      default: oauthError,
    },
  },
];
