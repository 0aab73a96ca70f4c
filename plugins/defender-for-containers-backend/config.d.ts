export interface Config {
  defenderForContainers?: {
    /** The catalog module that mirrors connectors as Resource entities. */
    catalog?: {
      /**
       * Owner of connector entities whose Azure tag `backstage-owner` is missing or invalid.
       * Default `group:default/guests`.
       */
      defaultOwner?: string;
      /** Minutes between full refreshes (onboarding and offboarding refresh at once). Default 30. */
      refreshMinutes?: number;
    };
  };
}
