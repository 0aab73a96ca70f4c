export interface Config {
  permission?: {
    /**
     * Read by this backend's own permission policy (src/DefenderPermissionPolicy.ts), not by the
     * Defender for Containers plugins: replacing the policy module makes it meaningless.
     */
    defenderForContainers?: {
      /**
       * Entity refs of the groups whose members (or of the users who) may onboard, rotate,
       * validate, refresh and offboard Defender for Containers connectors, i.e. hold
       * `defender-for-containers.connector.create`, `.refresh` and `.delete`. A bare name means
       * `group:default/<name>`. Every signed-in user may read connectors. Empty or unset: nobody
       * may change connectors.
       */
      writers?: string[];
    };
  };
}
