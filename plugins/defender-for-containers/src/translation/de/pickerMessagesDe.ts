import type { pickerMessages } from '../pickerMessages';
import type { MessagesLike } from '../defenderForContainersMessages';

/** The onboarding form's Azure target picker in German. */
export const pickerMessagesDe: MessagesLike<typeof pickerMessages> = {
  picker: {
    loading: 'Die Azure-Abonnements werden geladen',
    notAllowed:
      'Sie dürfen keine Docker-Hub-Connectors einrichten, ändern oder entfernen: Bitten Sie Ihre Backstage-Administratoren um die Berechtigung {{create}} (einrichten, Token erneuern) oder {{delete}} (entfernen).',
    failed:
      'Die Azure-Abonnements konnten nicht aufgelistet werden: {{message}}',
    noSubscription:
      'Kein Azure-Abonnement ist erlaubt: Ergänzen Sie eines unter {{key}} in app-config.yaml.',
    subscription: 'Azure-Abonnement',
    chooseSubscription: 'Abonnement wählen',
    subscriptionHelp:
      'Aufgeführt sind nur die Abonnements, die für dieses Backstage konfiguriert sind.',
    subscriptionOption: '{{name}} ({{id}})',
    resourceGroup: 'Ressourcengruppe',
    chooseResourceGroup: 'Ressourcengruppe wählen',
    resourceGroupHelp: 'Hier wird die Security-Connector-Ressource angelegt.',
    location: 'Region',
    locationPlaceholder: 'z. B. westeurope',
    locationHelp:
      'Azure-Region, in der Defender die Daten des Connectors speichert, z. B. westeurope.',
  },
  validation: {
    subscription: 'Wählen Sie ein Azure-Abonnement.',
    resourceGroup: 'Wählen Sie eine Ressourcengruppe.',
    location:
      'Geben Sie einen Azure-Regionsnamen in Kleinbuchstaben ohne Leerzeichen ein, z. B. westeurope.',
  },
};
