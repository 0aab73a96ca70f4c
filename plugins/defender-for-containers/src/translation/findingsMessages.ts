/**
 * English messages of the card's findings and trend, and of the severity words shared with the
 * overview page.
 */
export const findingsMessages = {
  severity: {
    critical: 'Critical',
    high: 'High',
    medium: 'Medium',
    low: 'Low',
    criticalCount: '{{count}} critical',
    highCount: '{{count}} high',
    mediumCount: '{{count}} medium',
    lowCount: '{{count}} low',
    none: 'no findings',
    chartLabel: 'Open findings: {{counts}}',
  },
  findings: {
    noData: 'No findings data from Defender yet',
    noDataSince:
      'Defender has reported no vulnerability assessment of this organization’s images since the connector was created ({{date}}).',
    noDataEver:
      'Defender has reported no vulnerability assessment of this organization’s images.',
    noDataHint:
      'The first results arrive within hours of onboarding when the Defender for Containers or Defender CSPM plan is on; if none come, the backend log says what Backstage queried and what Azure holds.',
    none: 'No open vulnerability findings',
    noneIn: 'No open vulnerability findings in {{repositories}}',
    total_one: '{{count}} open vulnerability finding',
    total_other: '{{count}} open vulnerability findings',
    totalIn_one: '{{count}} open vulnerability finding in {{repositories}}',
    totalIn_other: '{{count}} open vulnerability findings in {{repositories}}',
    byRepository: 'By repository',
    byRepositoryLabel: 'Findings by repository',
    repository: 'Repository',
    images: 'Images',
    findings: 'Findings',
    showAll: 'Show all {{count}} repositories',
    showFewer: 'Show the {{count}} most affected',
    worst: 'Worst findings and their fixes',
    worstLabel: 'Worst findings',
    finding: 'Finding',
    severity: 'Severity',
    fixedIn: 'Fixed in',
    noFixYet: 'no fix yet',
    moreImages: '{{images}} and {{count}} more',
    fixable: '{{count}} fixable',
    allFindings: 'All findings',
  },
  trend: {
    empty: 'No history yet',
    noHistory: 'No history yet: one point is kept per day.',
    oneDay:
      '1 day so far: {{findings}}, {{status}}; one point is added per day',
    oneDayFindings: '{{total}} open findings ({{critical}} critical)',
    noFindingsData: 'no findings data from Defender',
    days: '{{days}} days: open findings {{from}} → {{to}} (critical {{criticalFrom}} → {{criticalTo}}); {{health}}',
    daysWithGaps:
      '{{days}} days: open findings {{from}} → {{to}} (critical {{criticalFrom}} → {{criticalTo}}) on the days with findings data (none on {{missing}}); {{health}}',
    daysNoData: '{{days}} days: no findings data from Defender; {{health}}',
    health: 'healthy on {{healthy}} of {{days}} days',
    day: '{{date}}: {{status}}, {{findings}}',
    dayFindings: '{{count}} open findings',
    dayNoData: 'no findings data',
    healthy: 'healthy',
    unhealthy: 'unhealthy',
    pending: 'pending',
    noReport: 'no report',
  },
} as const;
