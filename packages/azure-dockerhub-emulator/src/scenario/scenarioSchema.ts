import { z } from 'zod';

const guid = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    'must be a GUID',
  );
const isoDate = z.iso.datetime({ offset: true });

/** @public */
export const azureRoleSchema = z.enum([
  'Reader',
  'Security Reader',
  'Security Admin',
  'Contributor',
  'Owner',
]);

const planTier = z.enum(['Standard', 'Free']);

/** @public */
export const findingsSchema = z.strictObject({
  critical: z.number().int().min(0).default(0),
  high: z.number().int().min(0).default(0),
  medium: z.number().int().min(0).default(0),
  low: z.number().int().min(0).default(0),
});

const tagSchema = z.union([
  z.string().min(1),
  z
    .strictObject({
      name: z.string().min(1).optional(),
      /**
       * Instead of `name`: an image pushed without a tag, known by its digest only
       * (`sha256:` + 64 lower-case hex digits). Its findings name it `org/repo@sha256:…`, and the
       * Docker Hub tag list leaves it out (it has no tag).
       */
      digest: z
        .string()
        .regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256: + 64 lower-case hex')
        .optional(),
      findings: findingsSchema.optional(),
      /** Findings Defender saw and that are fixed since: assessments with status Healthy. */
      resolved: findingsSchema.optional(),
      /** Platforms of the tag; more than one makes it a manifest list. */
      architectures: z.array(z.string()).min(1).optional(),
      lastPushed: isoDate.optional(),
    })
    .refine(t => (t.name === undefined) !== (t.digest === undefined), {
      message: 'exactly one of name (a tag) or digest (a digest-only image)',
    }),
]);

const connectorSchema = z.strictObject({
  subscriptionId: guid,
  resourceGroup: z.string().min(1),
  name: z.string().min(1),
  location: z.string().default('westeurope'),
  organization: z.string().min(1),
  /** Docker Hub user whose token is stored in the connector. */
  username: z.string().min(1),
  /** Reference to `dockerHub.tokens[].secret`: the token the connector was created with. */
  token: z.string().min(1),
  scanInterval: z.number().int().min(1).max(24).default(24),
  offerings: z
    .array(
      z.enum([
        'CspmMonitorDockerHub',
        'DefenderForContainersDockerHub',
        'DefenderCspmDockerHub',
      ]),
    )
    .default(['CspmMonitorDockerHub', 'DefenderForContainersDockerHub']),
  /** When the connector was created; default: long enough ago for health reports to exist. */
  createdAt: isoDate.optional(),
  tags: z.record(z.string(), z.string()).default({}),
});

/** @public */
export const scenarioSchema = z.strictObject({
  /** Emulator clock start (ISO date-time); default: the real time at load. */
  startTime: isoDate.optional(),
  azure: z.strictObject({
    tenantId: guid,
    principals: z
      .array(
        z.strictObject({
          clientId: guid,
          clientSecret: z.string().min(1),
          displayName: z.string().min(1),
          /** Object id of the service principal; default: derived from clientId. */
          objectId: guid.optional(),
          roles: z.record(guid, azureRoleSchema).default({}),
        }),
      )
      .default([]),
    subscriptions: z
      .array(
        z.strictObject({
          id: guid,
          displayName: z.string().min(1),
          registrationState: z
            .enum([
              'Registered',
              'NotRegistered',
              'Registering',
              'Unregistering',
            ])
            .default('Registered'),
          plans: z
            .strictObject({
              Containers: planTier.default('Free'),
              CloudPosture: planTier.default('Free'),
            })
            .default({ Containers: 'Free', CloudPosture: 'Free' }),
          resourceGroups: z
            .array(
              z.strictObject({
                name: z.string().min(1),
                location: z.string().min(1),
              }),
            )
            .default([]),
        }),
      )
      .default([]),
    connectors: z.array(connectorSchema).default([]),
    /** Delay between a connector (or token) change and its health report. */
    healthDelaySeconds: z.number().int().min(0).default(60),
    /** Page size of ARM list operations (securityConnectors, healthReports). */
    pageSize: z.number().int().min(1).max(1000).default(50),
    /**
     * Return the stored `accessToken` in securityConnectors GET, list, PUT and PATCH responses,
     * as the spec allows: turns a client that forgets to strip it into a leak a test can see.
     */
    echoAccessToken: z.boolean().default(false),
    /**
     * Where Docker Hub image assessments live. Microsoft documents neither this nor their
     * `resourceDetails.Source` [inferred]: `underConnector` (default) puts them under
     * `{connectorId}/securityentitydata/…`, as Microsoft's multicloud workbooks assume;
     * `elsewhere` puts them outside any connector, so a filter on the connector prefix finds
     * nothing: the tenant a plugin must not show as free of findings.
     */
    assessmentLayout: z
      .enum(['underConnector', 'elsewhere'])
      .default('underConnector'),
    /**
     * `properties.resourceDetails.Source` of Docker Hub image assessments [inferred]: Microsoft
     * documents `Azure`, `AWS` and `GCP` only; `DockerHub` is our choice, so clients should not
     * depend on it.
     */
    assessmentSource: z.string().min(1).default('DockerHub'),
  }),
  dockerHub: z
    .strictObject({
      orgs: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            members: z
              .array(
                z.strictObject({
                  user: z.string().min(1),
                  role: z.enum(['member', 'editor', 'owner']),
                }),
              )
              .default([]),
            repositories: z
              .array(
                z.strictObject({
                  name: z.string().min(1),
                  private: z.boolean().default(true),
                  description: z.string().optional(),
                  tags: z.array(tagSchema).default(['latest']),
                  /** Findings per tag name (alternative to per-tag objects). */
                  findings: z.record(z.string(), findingsSchema).default({}),
                }),
              )
              .default([]),
            deleted: z.boolean().default(false),
          }),
        )
        .default([]),
      users: z
        .array(
          z.strictObject({
            username: z.string().min(1),
            email: z.string().min(3),
            /** Account password (optional; PATs are the documented way). */
            password: z.string().optional(),
          }),
        )
        .default([]),
      tokens: z
        .array(
          z
            .strictObject({
              secret: z.string().min(1),
              /** Owner of a personal access token (dckr_pat_…). */
              user: z.string().min(1).optional(),
              /** Owner of an organization access token (dckr_oat_…). */
              org: z.string().min(1).optional(),
              scope: z.enum(['public_read', 'read', 'write', 'admin']),
              label: z.string().optional(),
              expiresAt: isoDate.optional(),
              revoked: z.boolean().default(false),
            })
            .refine(t => (t.user === undefined) !== (t.org === undefined), {
              message: 'exactly one of user (PAT) or org (OAT) is required',
            }),
        )
        .default([]),
      rateLimitPerMinute: z.number().int().min(1).default(600),
    })
    .default({ orgs: [], users: [], tokens: [], rateLimitPerMinute: 600 }),
});

/**
 * A validated scenario (defaults applied).
 * @public
 */
export type Scenario = z.output<typeof scenarioSchema>;
/**
 * What a scenario file or object may contain (defaults optional).
 * @public
 */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** @public */
export type AzureRole = z.output<typeof azureRoleSchema>;
/** @public */
export type Findings = z.output<typeof findingsSchema>;
