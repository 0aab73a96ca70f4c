import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  defenderForContainers?: {
    /**
     * Connector health: how often it is read from Azure into the plugin's database (page views
     * never call Azure), how much history is kept, and which Resource Graph rows are findings.
     */
    health?: {
      /**
       * When the refresh runs; once at a time across replicas. Default every 30 minutes, timeout
       * 10 minutes, first run 15 seconds after startup.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Days of history kept for the card's trend (one point per connector and day). Default 30. */
      historyDays?: number;
      /**
       * Connectors whose last successful read from Azure is older than this show as stale, also
       * when no refresh failed (the scheduler stopped, say). Default: twice the schedule's
       * frequency plus its timeout (70 minutes with the default schedule); a day for a cron or
       * manual schedule. An ISO 8601 duration string is accepted too.
       */
      staleAfter?: HumanDuration | string;
      findings?: {
        /**
         * KQL predicate (one `| where …` line, no `|`) selecting Docker Hub image assessments.
         * Default `resourceId contains "/securityentitydata/"`; rows are then matched to the
         * Docker Hub connectors read from ARM. Microsoft documents neither a Docker Hub assessment
         * key nor its `resourceDetails.Source` value: the refresh logs the Source values it sees,
         * so this can be tightened from real data, e.g.
         * `resourceId contains "/securityentitydata/" and tostring(properties.resourceDetails.Source) =~ "DockerHub"`.
         */
        filter?: string;
        /** Most severe findings the card lists per connector. Default 10. */
        worstPerConnector?: number;
        /**
         * Open findings stored per connector for the Findings tab, the most severe first; a
         * connector with more says so in the tab and in the log. Default 5000.
         */
        maxPerConnector?: number;
        /** Rows per Resource Graph page (`$top`, at most 1000). Default 1000. */
        pageSize?: number;
        /** Resource Graph pages read per query before giving up (a warning is logged). Default 50. */
        maxPages?: number;
        /**
         * Hours after its creation a connector without any findings data is only waiting for
         * its first scan; older ones (with an assessing plan on) get a warning in the log naming
         * the filter and what Azure holds. Default 24.
         */
        firstScanHours?: number;
      };
      rollup?: {
        /**
         * Components a Group or System roll-up card (and the overview's owner view) reads at most;
         * more are left out and the card says so. Default 1000.
         */
        maxComponents?: number;
      };
      manualRefresh?: {
        /** Seconds between two on-demand refreshes of the same connector (`POST …/refresh`). Default 60. */
        minIntervalSeconds?: number;
      };
      /**
       * Seconds each replica answers the entity route (the card) from memory. Its own refreshes
       * clear it at once; another replica's refresh shows after at most this long. 0 turns it
       * off. Default 5, at most 300.
       */
      cacheSeconds?: number;
      /**
       * Who sees a connector's health and findings (card, overview, AI actions).
       * `connector-entity` (default): only a caller who may read the connector's catalog Resource
       * entity (`resource:default/defender-dockerhub-<org>`), so catalog permission rules and
       * ownership decide per team; others see the connector as "not allowed". `all`: everyone
       * with `defender-for-containers.connector.read`.
       */
      readScope?: 'connector-entity' | 'all';
    };
    /**
     * Who may change connectors beyond what the permission policy decides. Read by the backend
     * plugin (routes) and the scaffolder module (actions).
     */
    permissions?: {
      /**
       * Subjects of the service principals (e.g. `external:ci-bot`, a static token's `subject`,
       * `plugin:<id>`) that may create, delete and refresh connectors, i.e. use
       * `defender-for-containers.connector.create`, `.delete` and `.refresh`: through the routes
       * and as the initiator of a scaffolder task. Backstage grants a service principal every
       * permission its token's `accessRestrictions` allow without asking the permission policy,
       * so any other service principal is refused these. Reads are unaffected. Default: none.
       */
      servicePrincipals?: string[];
    };
    /** The catalog module that mirrors connectors as Resource entities. */
    catalog?: {
      /**
       * Owner of connector entities whose Azure tag `backstage-owner` is missing or invalid, e.g.
       * `group:default/platform-team`. No default: unset, such connectors are left out of the
       * catalog (a Resource entity needs an owner) and a warning names each once.
       */
      defaultOwner?: string;
      /** Minutes between full refreshes (onboarding and offboarding refresh at once). Default 30. */
      refreshMinutes?: number;
    };
  };
}
