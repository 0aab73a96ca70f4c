/** English messages of the onboarding form's `DefenderAzureTargetPicker` field. */
export const pickerMessages = {
  picker: {
    loading: 'Loading the Azure subscriptions',
    notAllowed:
      'You may not onboard, change or offboard Docker Hub connectors: ask your Backstage administrators for the permission {{create}} (onboard, rotate a token) or {{delete}} (offboard).',
    failed: 'Could not list the Azure subscriptions: {{message}}',
    noSubscription:
      'No Azure subscription is allowed: add one under {{key}} in app-config.yaml.',
    subscription: 'Azure subscription',
    chooseSubscription: 'Choose a subscription',
    subscriptionHelp:
      'Only the subscriptions configured for this Backstage are listed.',
    subscriptionOption: '{{name}} ({{id}})',
    resourceGroup: 'Resource group',
    chooseResourceGroup: 'Choose a resource group',
    resourceGroupHelp: 'Where the security connector resource is created.',
    location: 'Location',
    locationPlaceholder: 'e.g. westeurope',
    locationHelp:
      'Azure region where Defender stores the connector’s data, e.g. westeurope.',
  },
  validation: {
    subscription: 'Choose an Azure subscription.',
    resourceGroup: 'Choose a resource group.',
    location:
      'Enter an Azure region name in lower case without spaces, e.g. westeurope.',
  },
} as const;
