import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { DefenderAzureTargetPicker } from './DefenderAzureTargetPicker';
import { validateAzureTarget } from './validateAzureTarget';

/** The `ui:field: DefenderAzureTargetPicker` form field of the onboarding template. */
export const defenderAzureTargetPickerField = createFormField({
  name: 'DefenderAzureTargetPicker',
  component: DefenderAzureTargetPicker,
  validation: validateAzureTarget,
});
