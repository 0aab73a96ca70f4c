import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import YAML from 'yaml';

/** The templates shipped in this package, one folder each. */
export const TEMPLATE_NAMES = [
  'defender-onboard-dockerhub',
  'defender-rotate-dockerhub-token',
  'defender-offboard-dockerhub',
] as const;

/**
 * Puts the templates shipped in this package into the catalog, owned by the configured owner:
 * adopters neither copy them nor inherit an example organization's group.
 */
export class DefenderTemplatesProvider implements EntityProvider {
  static readonly providerName = 'defender-for-containers-templates';

  constructor(
    private readonly options: {
      /** The folder holding `<name>/template.yaml`. */
      templatesDir: string;
      /** `spec.owner` of every template; none when undefined. */
      owner?: string;
    },
  ) {}

  getProviderName(): string {
    return DefenderTemplatesProvider.providerName;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await connection.applyMutation({
      type: 'full',
      entities: this.readTemplates().map(entity => ({
        entity,
        locationKey: DefenderTemplatesProvider.providerName,
      })),
    });
  }

  readTemplates(): Entity[] {
    return TEMPLATE_NAMES.map(name => {
      const file = path.join(this.options.templatesDir, name, 'template.yaml');
      const entity = YAML.parse(fs.readFileSync(file, 'utf8')) as Entity;
      const location = `file:${file}`;
      return {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata.annotations,
            'backstage.io/managed-by-location': location,
            'backstage.io/managed-by-origin-location': location,
          },
        },
        spec: {
          ...entity.spec,
          ...(this.options.owner ? { owner: this.options.owner } : {}),
        },
      };
    });
  }
}
