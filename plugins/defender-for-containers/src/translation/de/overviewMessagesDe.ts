import type { overviewMessages } from '../overviewMessages';
import type { MessagesLike } from '../defenderForContainersMessages';

/** The overview page in German. */
export const overviewMessagesDe: MessagesLike<typeof overviewMessages> = {
  page: {
    title: 'Defender',
    legacyTitle: 'Defender for Containers',
    legacySubtitle:
      'Docker-Hub-Connectors der Azure-Abonnements, die dieses Backstage liest',
  },
  overview: {
    intro:
      'Microsoft Defender for Containers: die Docker-Hub-Connectors der Azure-Abonnements, die dieses Backstage liest, mit ihrem Zustand, ihren offenen Schwachstellenbefunden und ihren Besitzern.',
    tableLabel: 'Docker-Hub-Connectors',
    status: 'Zustand',
    anyStatus: 'Jeder Zustand',
    owner: 'Besitzer',
    anyOwner: 'Jeder Besitzer',
    search: 'Suche',
    searchPlaceholder: 'Organisation oder Connector',
    clearFilters: 'Filter zurücksetzen',
    organization: 'Organisation',
    issues: 'Probleme',
    tokenExpires: 'Läuft ab',
    findings: 'Befunde',
    refreshed: 'Aktualisiert',
    azure: 'Azure',
    noFindingsData: 'noch keine Befunddaten',
    noOwner: 'kein Besitzer-Tag',
    portal: 'Portal',
    portalOf:
      '{{organization}} im Azure-Portal öffnen (öffnet einen neuen Tab)',
    loading: 'Connectors werden geladen',
    emptyFiltered: 'Kein Connector passt zu diesen Filtern.',
    empty: 'Noch kein Docker-Hub-Connector.',
    onboard: 'Eine Organisation einrichten',
    rows: '{{from}}–{{to}} von {{total}}',
    previousPage: 'Vorherige Seite',
    nextPage: 'Nächste Seite',
    pageSize: 'Zeilen pro Seite',
    pageSizeOption: '{{count}} Zeilen',
  },
  overviewError: {
    title: 'Die Connectors konnten nicht aufgelistet werden',
    notAllowed:
      'Sie dürfen die Connectors von Defender for Containers nicht auflisten: Die Berechtigung {{permission}} wird Ihnen verweigert. Ihre Backstage-Administratoren erteilen sie in der Berechtigungsrichtlinie; fragen Sie sie.',
    notConfigured:
      'Defender for Containers ist in diesem Backstage noch nicht konfiguriert: Die Betreiber von Backstage ergänzen defenderForContainers.azure in der App-Konfiguration des Backends. Das Backend meldet:',
    notSignedIn:
      'Sie sind nicht angemeldet (HTTP 401): Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
    notInstalled:
      'Das Backend von Defender for Containers antwortet nicht (HTTP 404): Die Betreiber von Backstage installieren @defender-backstage/plugin-defender-for-containers-backend.',
    failed:
      'Das Backend von Defender for Containers ist fehlgeschlagen (HTTP {{status}}):',
    unreachable:
      'Das Backend von Defender for Containers war nicht erreichbar:',
    retry: 'Erneut versuchen',
  },
};
