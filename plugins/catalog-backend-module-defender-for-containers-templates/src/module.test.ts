import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
} from '@backstage/plugin-catalog-node';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import catalogModule from './index';

async function providedTemplates(config: object): Promise<Entity[]> {
  let provider: EntityProvider | undefined;
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        { addEntityProvider: (p: EntityProvider) => (provider = p) },
      ],
    ],
    features: [
      catalogModule,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  const applyMutation = jest.fn();
  await provider!.connect({ applyMutation, refresh: jest.fn() });
  expect(applyMutation).toHaveBeenCalledTimes(1);
  const [mutation] = applyMutation.mock.calls[0];
  expect(mutation.type).toBe('full');
  return mutation.entities.map((e: { entity: Entity }) => e.entity);
}

describe('catalogModuleDefenderForContainersTemplates', () => {
  it('registers the three shipped templates, valid, owned by the configured owner', async () => {
    const templates = await providedTemplates({
      defenderForContainers: { templates: { owner: 'platform-team' } },
    });
    expect(templates.map(t => t.metadata.name)).toEqual([
      'defender-onboard-dockerhub',
      'defender-rotate-dockerhub-token',
      'defender-offboard-dockerhub',
    ]);
    for (const template of templates) {
      expect(await templateEntityV1beta3Validator.check(template)).toBe(true);
      // a bare name is a group, written out so the catalog draws the ownership relation
      expect(template.spec?.owner).toBe('group:default/platform-team');
      expect(
        template.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toMatch(/^file:.*\/templates\/defender-[a-z-]+\/template\.yaml$/);
    }
  });

  it('leaves the owner out when none is configured (never an example organization)', async () => {
    const templates = await providedTemplates({});
    expect(templates.map(t => t.spec?.owner)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('uses only the actions of the Defender scaffolder module', async () => {
    const templates = await providedTemplates({});
    const actions = templates.flatMap(t =>
      (t.spec?.steps as { action: string }[]).map(s => s.action),
    );
    expect(new Set(actions)).toEqual(
      new Set(['defender:dockerhub:onboard', 'defender:dockerhub:offboard']),
    );
  });

  it('fails startup on an owner that is not an entity ref, naming the key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [catalogProcessingExtensionPoint, { addEntityProvider: jest.fn() }],
        ],
        features: [
          catalogModule,
          mockServices.rootConfig.factory({
            data: {
              defenderForContainers: {
                templates: { owner: 'group:default/a/b' },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "Invalid config at 'defenderForContainers.templates.owner'",
    );
  });
});
