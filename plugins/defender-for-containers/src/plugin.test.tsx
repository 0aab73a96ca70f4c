import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import plugin, { DefenderClient, defenderApiRef } from './index';

describe('defender-for-containers frontend plugin', () => {
  it('is the default export under the shared plugin id', () => {
    expect(plugin.pluginId).toBe('defender-for-containers');
  });

  it('provides the Defender API: its ref, built as a DefenderClient from discovery and fetch', () => {
    const factory = createExtensionTester(
      plugin.getExtension('api:defender-for-containers'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(factory.api).toBe(defenderApiRef);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/x' },
      fetchApi: { fetch: async () => new Response('{}') },
    });
    expect(client).toBeInstanceOf(DefenderClient);
  });

  it('provides the scaffolder form field the templates use as ui:field: DefenderAzureTargetPicker', async () => {
    const loadField = createExtensionTester(
      plugin.getExtension(
        'scaffolder-form-field:defender-for-containers/azure-target-picker',
      ),
    ).get(FormFieldBlueprint.dataRefs.formFieldLoader);
    await expect(loadField()).resolves.toMatchObject({
      name: 'DefenderAzureTargetPicker',
      component: expect.any(Function),
      validation: expect.any(Function),
    });
  });
});
