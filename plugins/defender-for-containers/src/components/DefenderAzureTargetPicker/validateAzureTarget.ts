import type { FieldValidation } from '@rjsf/utils';
import type { AzureTarget } from '@defender-backstage/plugin-defender-for-containers-common';

// ARM region names are lower-case letters and digits (westeurope, eastus2).
const LOCATION = /^[a-z][a-z0-9]{1,39}$/;

/** Field-level validation run by the scaffolder before the user can go on. */
export function validateAzureTarget(
  value: Partial<AzureTarget> | undefined,
  validation: FieldValidation,
  context?: { uiSchema?: { 'ui:options'?: { location?: boolean } } },
) {
  if (!value?.subscriptionId) {
    validation.addError('Choose an Azure subscription.');
  }
  if (!value?.resourceGroup) {
    validation.addError('Choose a resource group.');
  }
  const asksLocation = context?.uiSchema?.['ui:options']?.location !== false;
  if (asksLocation && (!value?.location || !LOCATION.test(value.location))) {
    validation.addError(
      'Enter an Azure region name in lower case without spaces, e.g. westeurope.',
    );
  }
}
