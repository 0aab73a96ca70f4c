import type { z as zImpl } from 'zod/v3';

type Z = typeof zImpl;

/**
 * Inputs shared by `defender:dockerhub:validate` and `defender:dockerhub:onboard`. Value rules are
 * enforced by the handler (so the error says what to fix), the schema documents them.
 */
export const onboardingInputSchema = {
  organization: (z: Z) =>
    z
      .string()
      .describe(
        'Docker Hub organization (namespace), e.g. acme: 2–255 lower-case letters, digits, - or _',
      ),
  username: (z: Z) =>
    z
      .string()
      .describe(
        'The dedicated Docker Hub user Defender signs in as (an Editor of the organization)',
      ),
  accessToken: (z: Z) =>
    z
      .string()
      .describe(
        'Read-only personal access token (dckr_pat_…) of that user. Pass ${{ secrets.accessToken }} from a ui:field Secret parameter; never a plain parameter',
      ),
  subscriptionId: (z: Z) =>
    z
      .string()
      .describe(
        'Azure subscription id; must be one of defenderForContainers.azure.subscriptions',
      ),
  resourceGroup: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "Resource group of the connector (default: the subscription's configured default)",
      ),
  location: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "Azure region where Defender keeps the connector's data, e.g. westeurope (default: an existing connector's, else the subscription's). An existing connector cannot move to another region",
      ),
  connectorName: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Name of the security connector, 1–80 of A-Z a-z 0-9 - _ . (default: `dockerhub-<organization>`)',
      ),
  plans: (z: Z) =>
    z
      .object({
        defenderForContainers: z
          .boolean()
          .optional()
          .describe(
            "Defender for Containers: vulnerability assessment (default: an existing connector's, else the subscription's, else true)",
          ),
        defenderCspm: z
          .boolean()
          .optional()
          .describe(
            "Defender CSPM: attack paths, code-to-cloud mapping (default: an existing connector's, else the subscription's, else false)",
          ),
      })
      .optional()
      .describe(
        'Plans of the connector; Foundational CSPM (inventory) is always on',
      ),
  scanIntervalHours: (z: Z) =>
    z
      .number()
      .optional()
      .describe(
        "Scan interval in whole hours, 1–24 (default: an existing connector's, else the subscription's, else 24)",
      ),
  owner: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "Catalog owner of the connector entity (e.g. group:default/team-a); stored as the Azure tag backstage-owner (default: an existing connector's)",
      ),
  system: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "Catalog system of the connector entity; stored as the Azure tag backstage-system (default: an existing connector's)",
      ),
  tags: (z: Z) =>
    z
      .record(z.string())
      .optional()
      .describe(
        "Further Azure tags for the connector; when given, they replace an existing connector's further tags (default: an existing connector's)",
      ),
  tokenExpiresOn: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "The day the access token expires, YYYY-MM-DD (Docker Hub → Account settings → Personal access tokens, column Expires), or 'never' / empty for a token without expiry. Stored as the connector's dockerhub-token-expires tag, so Backstage warns before it expires; replaces the tag of the token the connector had",
      ),
  writeScopedTokens: (z: Z) =>
    z
      .enum(['refuse', 'warn'])
      .optional()
      .describe(
        'What to do with a token that can write (repo:write / repo:admin): refuse (default) or warn',
      ),
};

/** Inputs only `defender:dockerhub:onboard` takes. */
export const onboardInputSchema = {
  mode: (z: Z) =>
    z
      .enum(['apply', 'code'])
      .optional()
      .describe(
        'apply (default): write the connector to Azure after the pre-flight. code: the same pre-flight, then write nothing and output the connector as Bicep and Terraform (output iac) for a pipeline to apply',
      ),
};

/** Outputs only `defender:dockerhub:onboard` has. */
export const onboardOutputSchema = {
  iac: (z: Z) =>
    z
      .object({
        bicep: z
          .string()
          .describe(
            'A Bicep file for a resource-group deployment; the token is a @secure() parameter',
          ),
        terraform: z
          .string()
          .describe(
            'A Terraform configuration (azapi_resource); the token is a sensitive variable',
          ),
      })
      .optional()
      .describe(
        'On a dry run and with mode code: the connector as code, the same body the PUT sends, the token a parameter (never its value)',
      ),
};

/** One pre-flight check as the actions output it (a `PreflightCheck`). */
export const checkSchema = (z: Z) =>
  z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['pass', 'warn', 'fail', 'skipped']),
    message: z.string(),
    remedy: z.string().optional(),
  });

/** Outputs shared by validate and onboard. */
export const preflightOutputSchema = {
  checks: (z: Z) =>
    z
      .array(checkSchema(z))
      .describe(
        'Every pre-flight check in a fixed order: id, title, status (pass/warn/fail/skipped), message, remedy',
      ),
  warnings: (z: Z) =>
    z.array(z.string()).describe('Messages of the checks that warned'),
  repositories: (z: Z) =>
    z
      .object({ total: z.number(), private: z.number(), public: z.number() })
      .optional()
      .describe('Repositories of the organization visible to the user'),
  connectorId: (z: Z) =>
    z.string().describe('ARM id of the (target) security connector'),
  entityRef: (z: Z) =>
    z
      .string()
      .describe(
        'Catalog entity ref the connector has, e.g. resource:default/defender-dockerhub-acme',
      ),
};
