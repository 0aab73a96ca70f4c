import type { findingsMessages } from '../findingsMessages';
import type { MessagesLike } from '../defenderForContainersMessages';

/** Findings, severities and trend in German. */
export const findingsMessagesDe: MessagesLike<typeof findingsMessages> = {
  severity: {
    critical: 'Kritisch',
    high: 'Hoch',
    medium: 'Mittel',
    low: 'Niedrig',
    criticalCount: '{{count}} kritisch',
    highCount: '{{count}} hoch',
    mediumCount: '{{count}} mittel',
    lowCount: '{{count}} niedrig',
    none: 'keine Befunde',
    chartLabel: 'Offene Befunde: {{counts}}',
  },
  findings: {
    noData: 'Noch keine Befunddaten von Defender',
    noDataSince:
      'Defender hat seit der Erstellung des Connectors ({{date}}) keine Schwachstellenbewertung der Images dieser Organisation gemeldet.',
    noDataEver:
      'Defender hat keine Schwachstellenbewertung der Images dieser Organisation gemeldet.',
    noDataHint:
      'Die ersten Ergebnisse kommen wenige Stunden nach der Einrichtung, wenn der Plan Defender for Containers oder Defender CSPM eingeschaltet ist; kommen keine, steht im Log des Backends, was Backstage abgefragt hat und was Azure enthält.',
    none: 'Keine offenen Schwachstellenbefunde',
    noneIn: 'Keine offenen Schwachstellenbefunde in {{repositories}}',
    total_one: '{{count}} offener Schwachstellenbefund',
    total_other: '{{count}} offene Schwachstellenbefunde',
    totalIn_one: '{{count}} offener Schwachstellenbefund in {{repositories}}',
    totalIn_other: '{{count}} offene Schwachstellenbefunde in {{repositories}}',
    byRepository: 'Nach Repository',
    byRepositoryLabel: 'Befunde nach Repository',
    repository: 'Repository',
    images: 'Images',
    findings: 'Befunde',
    showAll: 'Alle {{count}} Repositorys zeigen',
    showFewer: 'Die {{count}} am stärksten betroffenen zeigen',
    worst: 'Schwerste Befunde und ihre Behebung',
    worstLabel: 'Schwerste Befunde',
    finding: 'Befund',
    severity: 'Schweregrad',
    fixedIn: 'Behoben in',
    noFixYet: 'noch keine Behebung',
    moreImages: '{{images}} und {{count}} weitere',
    fixable: '{{count}} behebbar',
    allFindings: 'Alle Befunde',
  },
  trend: {
    empty: 'Noch kein Verlauf',
    noHistory: 'Noch kein Verlauf: Pro Tag wird ein Punkt gespeichert.',
    oneDay:
      'Bisher 1 Tag: {{findings}}, {{status}}; pro Tag kommt ein Punkt hinzu',
    oneDayFindings: '{{total}} offene Befunde ({{critical}} kritisch)',
    noFindingsData: 'keine Befunddaten von Defender',
    days: '{{days}} Tage: offene Befunde {{from}} → {{to}} (kritisch {{criticalFrom}} → {{criticalTo}}); {{health}}',
    daysWithGaps:
      '{{days}} Tage: offene Befunde {{from}} → {{to}} (kritisch {{criticalFrom}} → {{criticalTo}}) an den Tagen mit Befunddaten (an {{missing}} ohne); {{health}}',
    daysNoData: '{{days}} Tage: keine Befunddaten von Defender; {{health}}',
    health: 'an {{healthy}} von {{days}} Tagen fehlerfrei',
    day: '{{date}}: {{status}}, {{findings}}',
    dayFindings: '{{count}} offene Befunde',
    dayNoData: 'keine Befunddaten',
    healthy: 'fehlerfrei',
    unhealthy: 'fehlerhaft',
    pending: 'ausstehend',
    noReport: 'keine Meldung',
  },
};
