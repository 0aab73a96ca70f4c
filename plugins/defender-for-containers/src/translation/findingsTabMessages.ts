/**
 * English messages of the entity page's Findings tab (`findingsTab.*`). Severity words and
 * counts are the card's (`severity.*`); image, package and CVE names are interpolated.
 */
export const findingsTabMessages = {
  findingsTab: {
    title: 'Findings',
    heading: 'Open vulnerability findings',
    loading: 'Loading findings',
    tableLabel: 'Open vulnerability findings of this entity’s images',
    total_one: '{{count}} open finding',
    total_other: '{{count}} open findings',
    fixable: '{{count}} fixable',
    countsLabel: 'Counts of all open findings, before filters',
    narrowedTo: 'Only findings of {{repositories}}',
    refreshedAt: 'Read from Azure {{time}}',
    severity: 'Severity',
    fix: 'Fix available',
    anyFix: 'With or without fix',
    withFix: 'With fix',
    withoutFix: 'Without fix',
    repository: 'Repository',
    anyRepository: 'All repositories',
    search: 'Search',
    searchPlaceholder: 'CVE or package',
    clearFilters: 'Clear filters',
    image: 'Image',
    package: 'Package',
    cves: 'CVEs',
    installedVersion: 'Installed',
    fixedVersion: 'Fixed in',
    firstSeen: 'First seen',
    noFix: 'No fix available',
    cveLink: '{{id}} (opens in a new tab)',
    none: 'No open vulnerability findings.',
    noneMatch: 'No findings match these filters.',
    truncated:
      'Backstage keeps the {{stored}} most severe of {{open}} open findings of {{organization}}; the rest are in the Azure portal.',
    notAllowed: 'Findings of Docker Hub {{organization}} are not shown to you.',
    rows: '{{from}}–{{to}} of {{total}}',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageSize: 'Rows per page',
    pageSizeOption: '{{count}} rows',
    errorStatus: 'Could not load the findings (HTTP {{status}}):',
    errorNetwork: 'Could not reach the Defender for Containers backend:',
    errorNotAllowed:
      'You may not see Defender for Containers findings. Ask your Backstage administrators for the permission {{permission}}.',
    errorNotFound:
      'The backend does not show this entity’s findings (HTTP 404): the entity is not in the catalog, or you may not read it.',
    retry: 'Retry',
    firstPage: 'Back to the first page',
  },
} as const;
