import type { cardMessages } from '../cardMessages';
import type { MessagesLike } from '../defenderForContainersMessages';

/** The entity card in German. */
export const cardMessagesDe: MessagesLike<typeof cardMessages> = {
  card: {
    title: 'Defender for Containers',
    loading: 'Zustand aus Defender for Containers wird geladen',
    nothingToLookUp:
      'Die Annotationen dieser Entität nennen nichts, was Backstage nachschlagen kann.',
    connectorHeading: 'Docker Hub {{organization}}',
    connectorIdHeading: 'Connector {{name}}',
    connectorInCatalog: 'Connector im Katalog',
    details: 'Details',
    hideDetails: 'Details ausblenden',
    detailsOf: 'Details zu Docker Hub {{organization}}',
    hideDetailsOf: 'Details zu Docker Hub {{organization}} ausblenden',
    issueCount_one: '{{count}} Problem',
    issueCount_other: '{{count}} Probleme',
    whatIsWrong: 'Was nicht stimmt und wie man es behebt',
    noDescription: 'Defender liefert keine weitere Beschreibung.',
    howToFix: 'So beheben Sie es',
    noRemediation:
      'Defender nennt keine Schritte zur Behebung; öffnen Sie den Connector im Azure-Portal.',
    pendingFindings:
      'Schwachstellenbefunde erscheinen nach dem ersten Scan der Images dieser Organisation durch Defender.',
    offeringOff:
      'Das Angebot {{offering}} liefert keine Befunde: Sein Defender-Plan ist für dieses Abonnement ausgeschaltet.',
    staleData:
      'Angezeigt werden die letzten gültigen Daten, Stand {{asOf}}. Backstage konnte sie seit {{since}} nicht aktualisieren.',
    staleError: 'Letzter Fehler von Azure: {{error}}',
    trend: 'Verlauf',
    tokenExpiresIn_one: 'Docker-Hub-Token läuft in {{count}} Tag ab ({{date}})',
    tokenExpiresIn_other:
      'Docker-Hub-Token läuft in {{count}} Tagen ab ({{date}})',
    tokenExpired: 'Docker-Hub-Token ist am {{date}} abgelaufen',
    rotateToken: 'Token erneuern',
  },
  message: {
    healthy:
      'Defender for Cloud liest diese Docker-Hub-Organisation ohne Probleme.',
    unhealthy_one:
      'Defender for Cloud meldet ein Problem mit diesem Connector: Was es ist und wie man es behebt, steht unten.',
    unhealthy_other:
      'Defender for Cloud meldet {{count}} Probleme mit diesem Connector: Was sie sind und wie man sie behebt, steht unten.',
    pending:
      'Der Connector existiert, aber Defender for Cloud hat noch nichts dazu gemeldet: Erste Ergebnisse kommen etwa eine Stunde nach der Einrichtung.',
  },
  meta: {
    subscription: 'Abonnement',
    resourceGroup: 'Ressourcengruppe',
    scanInterval: 'Scan alle',
    scanIntervalValue: '{{hours}} Std.',
    lastScanned: 'Zuletzt von Defender gescannt',
    lastRefreshed: 'Zuletzt aktualisiert',
  },
  actions: {
    refresh: 'Aktualisieren',
    openInPortal: 'Im Azure-Portal öffnen (öffnet einen neuen Tab)',
    requesting: 'Azure wird gefragt …',
    waiting: 'Der Connector wird aus Azure gelesen …',
    done: 'Aktualisiert.',
    timedOut:
      'Die Aktualisierung läuft im Hintergrund weiter; laden Sie die Seite in einer Minute neu, um sie zu sehen.',
    failed: 'Aktualisierung fehlgeschlagen: {{message}}',
  },
  missing: {
    organization:
      'Kein Defender-Connector für die Docker-Hub-Organisation {{organization}} in den Azure-Abonnements, die Backstage liest.',
    connectorId:
      'Kein Defender-Connector mit dieser ID in den Azure-Abonnements, die Backstage liest.',
    notReadYet:
      'Backstage hat Azure noch nicht erfolgreich gelesen: Die erste Aktualisierung läuft kurz nach dem Start des Backends, der Connector kann also noch erscheinen.',
    onboard: '{{organization}} in Defender einrichten',
    noTemplateRoute:
      'Richten Sie sie mit der Vorlage {{template}} ein; dieses Backstage verlinkt keine Softwarevorlagen.',
  },
  restricted: {
    message:
      'Sie dürfen die Defender-Daten von Docker Hub {{organization}} nicht sehen: Sie werden denen gezeigt, die {{entityRef}} im Katalog lesen dürfen.',
  },
  error: {
    notAllowed:
      'Sie dürfen den Zustand aus Defender for Containers nicht sehen. Bitten Sie Ihre Backstage-Administratoren um die Berechtigung {{permission}}.',
    notConfigured:
      'Defender for Containers ist in diesem Backstage noch nicht konfiguriert.',
    configureHint:
      'Die Betreiber von Backstage ergänzen die App-Konfiguration des Backends:',
    couldNotLoad:
      'Der Zustand aus Defender for Containers konnte nicht geladen werden:',
    couldNotLoadStatus:
      'Der Zustand aus Defender for Containers konnte nicht geladen werden (HTTP {{status}}):',
    retry: 'Erneut versuchen',
  },
  missingAnnotation: {
    intro:
      'Diese Entität nennt keine Docker-Hub-Organisation und kein Repository, daher gibt es keinen Zustand aus Defender for Containers. Ergänzen Sie eine dieser Annotationen in ihrer {{file}}:',
    repository:
      '{{annotation}}: die Repositorys, die sie ausliefert; Befunde werden auf sie eingeschränkt',
    organization: '{{annotation}}: ganze Organisationen',
    connectorId:
      '{{annotation}}: die Azure-Ressourcen-ID eines Connectors (an Connector-Ressourcen gesetzt)',
    snippetRepositories:
      'die Docker-Hub-Repositorys, die sie ausliefert, durch Kommas getrennt',
    snippetOrganizations: 'oder ganze Organisationen:',
    copy: 'Text kopieren',
    copied: 'In die Zwischenablage kopiert.',
  },
  ignored: {
    label: 'Ignorierte Annotationswerte',
    title_one: 'Ein Annotationswert wurde ignoriert:',
    title_other: '{{count}} Annotationswerte wurden ignoriert:',
  },
  status: {
    healthy: 'Fehlerfrei',
    healthyDescription:
      'Defender for Cloud liest diese Organisation ohne Probleme',
    unhealthy: 'Fehlerhaft',
    unhealthyDescription:
      'Defender for Cloud meldet ein Problem mit diesem Connector',
    pending: 'Erster Scan ausstehend',
    pendingDescription:
      'Defender for Cloud hat zu diesem Connector noch nichts gemeldet',
    stale: 'Veraltet',
    staleDescription:
      'Backstage konnte diesen Connector nicht aus Azure aktualisieren',
    missing: 'Nicht eingerichtet',
    missingDescription:
      'Für diese Organisation gibt es keinen Defender-Connector',
    notAllowed: 'Nicht erlaubt',
    notAllowedDescription:
      'Sie dürfen die Daten dieses Connectors nicht sehen: Fragen Sie den Besitzer seiner Katalogressource',
  },
  time: {
    justNow: 'gerade eben',
    never: 'nie',
  },
};
