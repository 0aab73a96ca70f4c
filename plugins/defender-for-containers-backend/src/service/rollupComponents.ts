import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
];
/** Child groups followed below a group (depth and count), against cycles and huge trees. */
const MAX_DEPTH = 10;
const MAX_GROUPS = 500;

/**
 * The components a roll-up covers, read from the catalog as the caller: a Group's (with
 * `children`, also its descendants') owned components, or a System's. At most `max`; `truncated`
 * when there were more.
 */
export async function rollupComponents(
  catalog: CatalogService,
  entity: Entity,
  options: {
    children: boolean;
    max: number;
    credentials: BackstageCredentials;
  },
): Promise<{
  components: Entity[];
  truncated: boolean;
  includesChildGroups: boolean;
}> {
  const { credentials, max } = options;
  const kind = entity.kind.toLowerCase();
  const ref = stringifyEntityRef(entity);
  let relation: Record<string, string | string[]>;
  let includesChildGroups = false;
  if (kind === 'system') {
    relation = { 'relations.partOf': ref };
  } else if (kind === 'group') {
    const groups = [ref];
    if (options.children) {
      includesChildGroups = true;
      let level = [ref];
      for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
        const { items } = await catalog.getEntities(
          {
            filter: { kind: 'group', 'relations.childOf': level },
            fields: ['kind', 'metadata.name', 'metadata.namespace'],
          },
          { credentials },
        );
        level = items
          .map(e => stringifyEntityRef(e))
          .filter(r => !groups.includes(r));
        groups.push(...level.slice(0, MAX_GROUPS - groups.length));
        if (groups.length >= MAX_GROUPS) break;
      }
    }
    relation = { 'relations.ownedBy': groups };
  } else {
    throw new InputError(
      `Defender roll-ups are for Group and System entities; ${ref} is a ${entity.kind}`,
    );
  }
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'component', ...relation },
      fields: FIELDS,
      order: { field: 'metadata.name', order: 'asc' },
      limit: max + 1,
    },
    { credentials },
  );
  return {
    components: items.slice(0, max),
    truncated: items.length > max,
    includesChildGroups,
  };
}
