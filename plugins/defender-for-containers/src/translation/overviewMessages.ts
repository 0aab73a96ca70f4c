/** English messages of the connectors overview page and its place in the sidebar. */
export const overviewMessages = {
  page: {
    title: 'Defender',
    legacyTitle: 'Defender for Containers',
    legacySubtitle:
      'Docker Hub connectors of the Azure subscriptions this Backstage reads',
  },
  overview: {
    intro:
      'Microsoft Defender for Containers: the Docker Hub connectors of the Azure subscriptions this Backstage reads, with their health, open vulnerability findings and owners.',
    tableLabel: 'Docker Hub connectors',
    status: 'Status',
    anyStatus: 'Any status',
    owner: 'Owner',
    anyOwner: 'Any owner',
    search: 'Search',
    searchPlaceholder: 'Organization or connector',
    clearFilters: 'Clear filters',
    organization: 'Organization',
    issues: 'Issues',
    findings: 'Findings',
    refreshed: 'Refreshed',
    tokenExpires: 'Expires',
    azure: 'Azure',
    noFindingsData: 'no findings data yet',
    noOwner: 'no owner tag',
    portal: 'Portal',
    portalOf: 'Open {{organization}} in the Azure portal (opens in a new tab)',
    loading: 'Loading connectors',
    emptyFiltered: 'No connectors match these filters.',
    empty: 'No Docker Hub connector yet.',
    onboard: 'Onboard an organization',
    rows: '{{from}}–{{to}} of {{total}}',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageSize: 'Rows per page',
    pageSizeOption: '{{count}} rows',
  },
  overviewError: {
    title: 'Could not list connectors',
    notAllowed:
      'You may not list Defender for Containers connectors: the permission {{permission}} is denied to you. Your Backstage administrators grant it in the permission policy; ask them.',
    notConfigured:
      'Defender for Containers is not configured in this Backstage yet: the Backstage operators add defenderForContainers.azure to the backend’s app-config. The backend says:',
    notSignedIn: 'You are not signed in (HTTP 401): sign in again, then retry.',
    notInstalled:
      'The Defender for Containers backend does not answer (HTTP 404): the Backstage operators install @defender-backstage/plugin-defender-for-containers-backend.',
    failed: 'The Defender for Containers backend failed (HTTP {{status}}):',
    unreachable: 'The Defender for Containers backend could not be reached:',
    retry: 'Retry',
  },
} as const;
