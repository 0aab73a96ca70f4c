import {
  coreServices,
  createBackendModule,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  KubernetesValidatorFunctions as k8s,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DefenderTemplatesProvider } from './DefenderTemplatesProvider';
import { templatesDir } from './templatesDir';

const OWNER_KEY = 'defenderForContainers.templates.owner';

/**
 * Registers the Defender for Containers software templates (onboard a Docker Hub organization,
 * rotate its token, offboard it) with the catalog, owned by `defenderForContainers.templates.owner`.
 *
 * @public
 */
export const catalogModuleDefenderForContainersTemplates = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'defender-for-containers-templates',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        const owner = config.getOptionalString(OWNER_KEY);
        catalog.addEntityProvider(
          new DefenderTemplatesProvider({
            templatesDir: templatesDir(
              resolvePackagePath(
                '@defender-backstage/plugin-catalog-backend-module-defender-for-containers-templates',
              ),
            ),
            owner: owner === undefined ? undefined : readOwner(owner),
          }),
        );
      },
    });
  },
});

/** A full entity ref, so the catalog draws the ownership relation; a wrong one fails startup. */
function readOwner(owner: string): string {
  let ref: ReturnType<typeof parseEntityRef> | undefined;
  try {
    ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    ref = undefined;
  }
  // parseEntityRef accepts names no entity can have (`a/b`, blanks): check them as the catalog does.
  if (
    !ref ||
    !/^[a-zA-Z][a-zA-Z0-9]*$/.test(ref.kind) ||
    !k8s.isValidNamespace(ref.namespace) ||
    !k8s.isValidObjectName(ref.name)
  ) {
    throw new Error(
      `Invalid config at '${OWNER_KEY}': '${owner}' is not an entity ref such as group:default/platform-team`,
    );
  }
  return stringifyEntityRef(ref);
}
