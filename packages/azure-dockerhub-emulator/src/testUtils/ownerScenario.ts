import type { AzureRole, ScenarioInput } from '../scenario/scenarioSchema';
import { DEMO } from './TestClient';

type AzureInput = ScenarioInput['azure'];
type SubscriptionInput = NonNullable<AzureInput['subscriptions']>[number];
type DockerHubInput = NonNullable<ScenarioInput['dockerHub']>;

/**
 * A small scenario around the demo client, the only principal, with `role` (default Owner) on
 * the production subscription, which holds the demo resource group unless `subscription` says
 * otherwise. The scenario's Docker Hub has user `u` with the read token `dckr_pat_t`, and each
 * organization in `connectors` is connected (`dockerhub-{org}`) with that token.
 *
 * Without `dockerHub` and `connectors` there is no Docker Hub data at all.
 */
export function ownerScenario(
  options: {
    role?: AzureRole;
    /** Settings of the `azure` section other than its principals, subscriptions and connectors. */
    azure?: Omit<
      AzureInput,
      'tenantId' | 'principals' | 'subscriptions' | 'connectors'
    >;
    /** Overrides of the production subscription. */
    subscription?: Partial<SubscriptionInput>;
    otherSubscriptions?: SubscriptionInput[];
    connectors?: string[];
    dockerHub?: Omit<DockerHubInput, 'users' | 'tokens'>;
  } = {},
): ScenarioInput {
  const connectors = options.connectors ?? [];
  const withHub = options.dockerHub !== undefined || connectors.length > 0;
  return {
    azure: {
      tenantId: DEMO.tenantId,
      ...options.azure,
      principals: [
        {
          clientId: DEMO.clientId,
          clientSecret: DEMO.clientSecret,
          displayName: 'p',
          roles: { [DEMO.prodSub]: options.role ?? 'Owner' },
        },
      ],
      subscriptions: [
        {
          id: DEMO.prodSub,
          displayName: 's',
          resourceGroups: [{ name: DEMO.rg, location: 'westeurope' }],
          ...options.subscription,
        },
        ...(options.otherSubscriptions ?? []),
      ],
      connectors: connectors.map(org => ({
        subscriptionId: DEMO.prodSub,
        resourceGroup: DEMO.rg,
        name: `dockerhub-${org}`,
        organization: org,
        username: 'u',
        token: 'dckr_pat_t',
      })),
    },
    ...(withHub && {
      dockerHub: {
        ...options.dockerHub,
        users: [{ username: 'u', email: 'u@x.example' }],
        tokens: [{ secret: 'dckr_pat_t', user: 'u', scope: 'read' as const }],
      },
    }),
  };
}
