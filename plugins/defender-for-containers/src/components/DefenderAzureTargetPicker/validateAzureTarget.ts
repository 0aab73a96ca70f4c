import type { FieldValidation } from '@rjsf/utils';
import {
  translationApiRef,
  type ApiHolder,
} from '@backstage/frontend-plugin-api';
import type { AzureTarget } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderForContainersTranslationRef } from '../../translation/defenderForContainersTranslationRef';
import { pickerMessages } from '../../translation/pickerMessages';

// ARM region names are lower-case letters and digits (westeurope, eastus2).
const LOCATION = /^[a-z][a-z0-9]{1,39}$/;

type ValidationKey = keyof typeof pickerMessages.validation;

/**
 * The validation messages in the app's language. Validation runs outside React, so it asks the
 * translation API the scaffolder hands it; without one (tests, old apps), English.
 */
function messagesFrom(apiHolder?: ApiHolder): (key: ValidationKey) => string {
  const translationApi = apiHolder?.get(translationApiRef);
  if (!translationApi) return key => pickerMessages.validation[key];
  const { t } = translationApi.getTranslation(
    defenderForContainersTranslationRef,
  );
  return key => t(`validation.${key}`);
}

/** Field-level validation run by the scaffolder before the user can go on. */
export function validateAzureTarget(
  value: Partial<AzureTarget> | undefined,
  validation: FieldValidation,
  context?: {
    apiHolder?: ApiHolder;
    uiSchema?: { 'ui:options'?: { location?: boolean } };
  },
) {
  const message = messagesFrom(context?.apiHolder);
  if (!value?.subscriptionId) {
    validation.addError(message('subscription'));
  }
  if (!value?.resourceGroup) {
    validation.addError(message('resourceGroup'));
  }
  const asksLocation = context?.uiSchema?.['ui:options']?.location !== false;
  if (asksLocation && (!value?.location || !LOCATION.test(value.location))) {
    validation.addError(message('location'));
  }
}
