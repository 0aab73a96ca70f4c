import type { findingsTabMessages } from '../findingsTabMessages';
import type { MessagesLike } from '../defenderForContainersMessages';

/** The Findings tab in German. */
export const findingsTabMessagesDe: MessagesLike<typeof findingsTabMessages> = {
  findingsTab: {
    title: 'Befunde',
    heading: 'Offene Schwachstellenbefunde',
    loading: 'Befunde werden geladen',
    tableLabel: 'Offene Schwachstellenbefunde der Images dieser Entität',
    total_one: '{{count}} offener Befund',
    total_other: '{{count}} offene Befunde',
    fixable: '{{count}} behebbar',
    countsLabel: 'Anzahl aller offenen Befunde, ungefiltert',
    narrowedTo: 'Nur Befunde von {{repositories}}',
    refreshedAt: 'Aus Azure gelesen {{time}}',
    severity: 'Schweregrad',
    fix: 'Behebung verfügbar',
    anyFix: 'Mit oder ohne Behebung',
    withFix: 'Mit Behebung',
    withoutFix: 'Ohne Behebung',
    repository: 'Repository',
    anyRepository: 'Alle Repositorys',
    search: 'Suche',
    searchPlaceholder: 'CVE oder Paket',
    clearFilters: 'Filter zurücksetzen',
    image: 'Image',
    package: 'Paket',
    cves: 'CVEs',
    installedVersion: 'Installiert',
    fixedVersion: 'Behoben in',
    firstSeen: 'Zuerst gesehen',
    noFix: 'Keine Behebung verfügbar',
    cveLink: '{{id}} (öffnet einen neuen Tab)',
    none: 'Keine offenen Schwachstellenbefunde.',
    noneMatch: 'Keine Befunde entsprechen diesen Filtern.',
    truncated:
      'Backstage behält die {{stored}} schwersten von {{open}} offenen Befunden von {{organization}}; die übrigen stehen im Azure-Portal.',
    notAllowed:
      'Befunde von Docker Hub {{organization}} werden Ihnen nicht gezeigt.',
    rows: '{{from}}–{{to}} von {{total}}',
    previousPage: 'Vorherige Seite',
    nextPage: 'Nächste Seite',
    pageSize: 'Zeilen pro Seite',
    pageSizeOption: '{{count}} Zeilen',
    errorStatus: 'Die Befunde konnten nicht geladen werden (HTTP {{status}}):',
    errorNetwork:
      'Das Backend von Defender for Containers ist nicht erreichbar:',
    errorNotAllowed:
      'Sie dürfen die Befunde von Defender for Containers nicht sehen. Bitten Sie Ihre Backstage-Administratoren um die Berechtigung {{permission}}.',
    errorNotFound:
      'Das Backend zeigt die Befunde dieser Entität nicht (HTTP 404): Die Entität ist nicht im Katalog, oder Sie dürfen sie nicht lesen.',
    retry: 'Erneut versuchen',
    firstPage: 'Zurück zur ersten Seite',
  },
};
