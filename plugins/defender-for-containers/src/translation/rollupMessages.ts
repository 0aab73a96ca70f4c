/** English messages of the Group and System roll-up card and the overview's owner view (`rollup.*`). */
export const rollupMessages = {
  rollup: {
    title: 'Defender for Containers',
    loading: 'Loading the Defender for Containers roll-up',
    updating: 'Updating the roll-up',
    includeChildGroups: 'Include child groups',
    annotatedOf_one:
      '{{annotated}} of {{count}} component has Defender annotations',
    annotatedOf_other:
      '{{annotated}} of {{count}} components have Defender annotations',
    withChildGroups: 'Components of its child groups are included.',
    totals: 'Open findings of all components',
    fixable_one: '{{count}} fixable: a fixed version exists',
    fixable_other: '{{count}} fixable: a fixed version exists',
    refreshed: 'Last refreshed from Azure {{time}}',
    truncated:
      'There are more components than the roll-up reads, so these numbers cover only some of them. The Backstage operators can raise {{key}} in the backend’s app-config.',
    connectors: 'Connectors',
    connectorCounts: '{{counts}}; {{fixable}} fixable',
    usedBy_one: 'used by {{count}} component',
    usedBy_other: 'used by {{count}} components',
    portalOf: 'Open {{organization}} in the Azure portal (opens in a new tab)',
    notAllowed: 'Connectors you may not see',
    components: 'Components, worst first',
    componentsLabel: 'Components and their open findings, worst first',
    component: 'Component',
    status: 'Status',
    findings: 'Findings',
    componentFixable: '{{count}} fixable',
    showAll: 'Show all {{count}} components',
    showFewer: 'Show the {{count}} most affected',
    noComponentsGroup:
      'This group owns no component you may read in the catalog.',
    noComponentsSystem:
      'This system has no component you may read in the catalog.',
    childGroupsHint:
      'Switch on “Include child groups” to count the components of its child groups too.',
    noAnnotated_one:
      'Its one component names no Docker Hub organization or repository, so there is no Defender data to roll up.',
    noAnnotated_other:
      'None of its {{count}} components names a Docker Hub organization or repository, so there is no Defender data to roll up.',
    howToAnnotate: 'Add one of these annotations to each component’s {{file}}:',
    notFound:
      'Backstage cannot find this entity, or you may not read it in the catalog.',
    wrongKind: 'The roll-up is shown for groups and systems only.',
    retry: 'Retry',
    // The overview's owner view, and the overview's switch to it.
    byOwner: 'By owner',
    ownerTruncated:
      'Some connectors or components are left out: there are more than this view reads. The Backstage operators can raise {{key}} in the backend’s app-config; each connector’s page lists all of its own.',
    ownerIntro:
      'The connectors of each owner (their {{tag}} tag in Azure) and the catalog components that use them.',
    ownerLoading: 'Loading the connectors by owner',
    ownerEmpty: 'No Docker Hub connector yet.',
    noOwner: 'No owner',
    noOwnerHint: 'Connectors without a {{tag}} tag',
    ownerTotals: 'Open findings: {{counts}}',
    ownerConnectorCount_one: '{{count}} connector',
    ownerConnectorCount_other: '{{count}} connectors',
    ownerConnectorsLabel: 'Connectors of {{owner}}',
    organization: 'Organization',
    usingComponents: 'Components using it',
    noUsingComponents: 'none you may read',
    moreComponents: '+{{count}} more',
    moreComponentsOf: 'Show {{count}} more components of {{organization}}',
    fewerComponents: 'Show fewer',
  },
} as const;
