import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { DefenderAzureTargetPicker } from '../components/DefenderAzureTargetPicker/DefenderAzureTargetPicker';
import { validateAzureTarget } from '../components/DefenderAzureTargetPicker/validateAzureTarget';
import { defenderForContainersPlugin } from './plugin';

/**
 * The onboarding form's Azure target picker for a legacy app's scaffolder
 * (`ui:field: DefenderAzureTargetPicker`): inside `<ScaffolderFieldExtensions>` of the
 * `/create` route.
 * @public
 */
export const DefenderAzureTargetPickerFieldExtension =
  defenderForContainersPlugin.provide(
    createScaffolderFieldExtension({
      name: 'DefenderAzureTargetPicker',
      component: DefenderAzureTargetPicker,
      validation: validateAzureTarget,
    }),
  );
