import { mockApis } from '@backstage/frontend-test-utils';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { validateAzureTarget } from './validateAzureTarget';

function errorsOf(
  value: Parameters<typeof validateAzureTarget>[0],
  options?: { location?: boolean },
) {
  const errors: string[] = [];
  validateAzureTarget(
    value,
    { addError: (m: string) => errors.push(m) } as any,
    options ? { uiSchema: { 'ui:options': options } } : undefined,
  );
  return errors;
}

describe('validateAzureTarget', () => {
  it('accepts a complete target', () => {
    expect(
      errorsOf({
        subscriptionId: 's',
        resourceGroup: 'rg',
        location: 'westeurope',
      }),
    ).toEqual([]);
  });

  it('says what is missing or malformed', () => {
    expect(errorsOf(undefined)).toHaveLength(3);
    expect(
      errorsOf({
        subscriptionId: 's',
        resourceGroup: 'rg',
        location: 'West Europe',
      }),
    ).toEqual([
      'Enter an Azure region name in lower case without spaces, e.g. westeurope.',
    ]);
  });

  it('does not ask for a location when the template turned it off', () => {
    expect(
      errorsOf(
        { subscriptionId: 's', resourceGroup: 'rg' },
        { location: false },
      ),
    ).toEqual([]);
    expect(errorsOf({ subscriptionId: 's' }, { location: false })).toEqual([
      'Choose a resource group.',
    ]);
  });

  it('says it in the app’s language, through the translation API the scaffolder hands it', () => {
    const translationApi = mockApis.translation();
    const errors: string[] = [];
    validateAzureTarget(
      { subscriptionId: 's', resourceGroup: 'rg', location: 'West Europe' },
      { addError: (m: string) => errors.push(m) } as any,
      {
        apiHolder: {
          get: (ref: any) =>
            ref.id === translationApiRef.id
              ? (translationApi as any)
              : undefined,
        },
      },
    );
    expect(errors).toEqual([
      'Enter an Azure region name in lower case without spaces, e.g. westeurope.',
    ]);
  });
});
