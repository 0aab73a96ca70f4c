import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { defenderApiRef } from './api/DefenderApi';
import { DefenderClient } from './api/DefenderClient';

const defenderApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: defenderApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DefenderClient(deps),
    }),
});

const azureTargetPickerField = FormFieldBlueprint.make({
  name: 'azure-target-picker',
  params: {
    field: () =>
      import('./components/DefenderAzureTargetPicker/field').then(
        m => m.defenderAzureTargetPickerField,
      ),
  },
});

/**
 * The Defender for Containers frontend plugin: the API client and the onboarding form's Azure
 * target picker (the entity card arrives with the health work).
 *
 * @public
 */
export const defenderForContainersPlugin = createFrontendPlugin({
  pluginId: 'defender-for-containers',
  info: { packageJson: () => import('../package.json') },
  extensions: [defenderApi, azureTargetPickerField],
});
