export interface Config {
  defenderForContainers?: {
    /** The software templates of `catalogModuleDefenderForContainersTemplates`. */
    templates?: {
      /**
       * Owner of the three templates in the catalog, an entity ref such as
       * `group:default/platform-team` (a bare name means a group in the default namespace).
       * Unset, the templates have no owner.
       */
      owner?: string;
    };
  };
}
