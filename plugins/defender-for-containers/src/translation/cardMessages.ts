/**
 * The entity card's English messages (the `card`, `status`, `severity`, `trend` and `time` parts
 * of the translation ref). Product names, entity refs, annotation keys, CVE ids and Azure's own
 * words are interpolated, never written into a message.
 */
export const cardMessages = {
  card: {
    title: 'Defender for Containers',
    loading: 'Loading Defender for Containers health',
    nothingToLookUp:
      'The annotations of this entity name nothing Backstage can look up.',
    connectorHeading: 'Docker Hub {{organization}}',
    connectorIdHeading: 'Connector {{name}}',
    connectorInCatalog: 'Connector in the catalog',
    details: 'Details',
    hideDetails: 'Hide details',
    detailsOf: 'Details of Docker Hub {{organization}}',
    hideDetailsOf: 'Hide details of Docker Hub {{organization}}',
    issueCount_one: '{{count}} issue',
    issueCount_other: '{{count}} issues',
    whatIsWrong: 'What is wrong and how to fix it',
    noDescription: 'Defender gives no further description.',
    howToFix: 'How to fix it',
    noRemediation:
      'Defender gives no remediation steps; open the connector in the Azure portal.',
    pendingFindings:
      'Vulnerability findings appear after Defender’s first scan of the organization’s images.',
    offeringOff:
      'The {{offering}} offering produces no findings: its Defender plan is off on this subscription.',
    staleData:
      'Showing the last good data, as of {{asOf}}. Backstage has not been able to refresh it since {{since}}.',
    staleError: 'Last error from Azure: {{error}}',
    trend: 'Trend',
    tokenExpiresIn_one: 'Docker Hub token expires in {{count}} day ({{date}})',
    tokenExpiresIn_other:
      'Docker Hub token expires in {{count}} days ({{date}})',
    tokenExpired: 'Docker Hub token expired on {{date}}',
    rotateToken: 'Rotate the token',
  },
  message: {
    healthy:
      'Defender for Cloud reads this Docker Hub organization without problems.',
    unhealthy_one:
      'Defender for Cloud reports a problem with this connector: what it is and how to fix it follows.',
    unhealthy_other:
      'Defender for Cloud reports {{count}} problems with this connector: what they are and how to fix them follows.',
    pending:
      'The connector exists, but Defender for Cloud has not reported on it yet: first results arrive within about an hour of onboarding.',
  },
  meta: {
    subscription: 'Subscription',
    resourceGroup: 'Resource group',
    scanInterval: 'Scanned every',
    scanIntervalValue: '{{hours}} h',
    lastScanned: 'Last scanned by Defender',
    lastRefreshed: 'Last refreshed',
  },
  actions: {
    refresh: 'Refresh',
    openInPortal: 'Open in the Azure portal (opens in a new tab)',
    requesting: 'Asking Azure…',
    waiting: 'Reading the connector from Azure…',
    done: 'Refreshed.',
    timedOut:
      'Still refreshing in the background; reload the page in a minute to see it.',
    failed: 'Could not refresh: {{message}}',
  },
  missing: {
    organization:
      'No Defender connector for Docker Hub organization {{organization}} in the Azure subscriptions Backstage reads.',
    connectorId:
      'No Defender connector with this id in the Azure subscriptions Backstage reads.',
    notReadYet:
      'Backstage has not read Azure successfully yet: the first refresh runs shortly after the backend starts, so the connector may still appear.',
    onboard: 'Onboard {{organization}} to Defender',
    noTemplateRoute:
      'Onboard it with the onboarding template {{template}}; this Backstage has no link to the software templates.',
  },
  restricted: {
    message:
      'You may not see the Defender data of Docker Hub {{organization}}: it is shown to those who may read {{entityRef}} in the catalog.',
  },
  error: {
    notAllowed:
      'You may not see Defender for Containers health. Ask your Backstage administrators for the permission {{permission}}.',
    notConfigured:
      'Defender for Containers is not configured in this Backstage yet.',
    configureHint: 'The Backstage operators add to the backend’s app-config:',
    couldNotLoad: 'Could not load Defender for Containers health:',
    couldNotLoadStatus:
      'Could not load Defender for Containers health (HTTP {{status}}):',
    retry: 'Retry',
  },
  missingAnnotation: {
    intro:
      'This entity names no Docker Hub organization or repository, so there is no Defender for Containers health to show. Add one of these annotations to its {{file}}:',
    repository:
      '{{annotation}}: the repositories it ships; findings are narrowed to them',
    organization: '{{annotation}}: whole organizations',
    connectorId:
      '{{annotation}}: a connector’s Azure resource id (set on connector resources)',
    snippetRepositories:
      'the Docker Hub repositories it ships, comma-separated',
    snippetOrganizations: 'or whole organizations:',
    copy: 'Copy text',
    copied: 'Copied to the clipboard.',
  },
  ignored: {
    label: 'Ignored annotation values',
    title_one: 'One annotation value was ignored:',
    title_other: '{{count}} annotation values were ignored:',
  },
  status: {
    healthy: 'Healthy',
    healthyDescription:
      'Defender for Cloud reads this organization without problems',
    unhealthy: 'Unhealthy',
    unhealthyDescription:
      'Defender for Cloud reports a problem with this connector',
    pending: 'Pending first scan',
    pendingDescription:
      'Defender for Cloud has not reported on this connector yet',
    stale: 'Stale',
    staleDescription: 'Backstage could not refresh this connector from Azure',
    missing: 'Not onboarded',
    missingDescription: 'No Defender connector exists for this organization',
    notAllowed: 'Not allowed',
    notAllowedDescription:
      'You may not see this connector’s data: ask the owner of its catalog Resource',
  },
  time: {
    justNow: 'just now',
    never: 'never',
  },
} as const;
