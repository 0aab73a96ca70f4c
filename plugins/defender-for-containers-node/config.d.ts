export interface Config {
  /** Microsoft Defender for Containers × Docker Hub plugins. */
  defenderForContainers?: {
    azure?: {
      /**
       * Azure Resource Manager endpoint. Default `https://management.azure.com`
       * (sovereign clouds: their ARM host; the local stack: the emulator).
       */
      armEndpoint?: string;
      /** Microsoft Entra authority host. Default `https://login.microsoftonline.com`. */
      authorityHost?: string;
      /**
       * Microsoft Entra tenant (id or domain, e.g. contoso.onmicrosoft.com) of the allowed
       * subscriptions. Azure portal links carry it (`#@tenant/resource…`) so they open in the
       * right directory. Default: `credential.tenantId`; without either, links open in the
       * user's default directory.
       */
      tenantId?: string;
      /**
       * How the backend authenticates to ARM. Default `{ type: default }` (DefaultAzureCredential:
       * environment, workload identity, managed identity, Azure CLI).
       */
      credential?: {
        type:
          | 'default'
          | 'clientSecret'
          | 'managedIdentity'
          | 'workloadIdentity';
        tenantId?: string;
        clientId?: string;
        /**
         * Client secret of the app registration (type clientSecret only).
         * @visibility secret
         */
        clientSecret?: string;
      };
      /**
       * Subscriptions the plugins may read and onboard into. Nothing outside this list is ever
       * written to, and the onboarding template offers only these. Unset (or empty), the
       * plugins start but do nothing: each logs one warning naming the keys to set, and their
       * routes and actions answer with it.
       */
      subscriptions?: Array<{
        /** Subscription id (GUID). */
        id: string;
        /** Name shown in the template and on the card. */
        displayName?: string;
        /** Resource groups offered for new connectors (first = default). */
        resourceGroups?: string[];
        /** Defaults for new connectors in this subscription. */
        defaults?: {
          resourceGroup?: string;
          /** Azure region, e.g. westeurope. */
          location?: string;
          /** Scan interval in hours, 1–24. */
          scanIntervalHours?: number;
          defenderForContainers?: boolean;
          defenderCspm?: boolean;
        };
      }>;
    };
    dockerHub?: {
      /** Docker Hub API. Default `https://hub.docker.com`. */
      apiUrl?: string;
      /** Registry token service. Default `https://auth.docker.io/token`. */
      registryAuthUrl?: string;
      /** `service` parameter of the registry token service. Default `registry.docker.io`. */
      registryService?: string;
      /**
       * Opt-out, default `false`: the onboarding pre-flight refuses a Docker Hub credential it
       * cannot prove read-only (a token whose Docker Hub JWT states no scope, e.g. a password or an
       * old-style token, or an organization without a repository to run the registry push probe
       * on). `true` lets such a credential through; the task log then says so in one warning line
       * per unproven check. A credential shown to be able to write is still refused
       * (`writeScopedTokens`).
       */
      allowUnprovenReadOnly?: boolean;
    };
    /**
     * PEM file of an extra certificate authority to trust for the endpoints above, e.g. the
     * local emulator's. The system CAs and NODE_EXTRA_CA_CERTS stay trusted.
     */
    caFile?: string;
  };
}
