import type { rollupMessages } from '../rollupMessages';
import type { MessagesLike } from '../defenderForContainersMessages';

/** The roll-up card and the overview's owner view in German. */
export const rollupMessagesDe: MessagesLike<typeof rollupMessages> = {
  rollup: {
    title: 'Defender for Containers',
    loading: 'Die Zusammenfassung von Defender for Containers wird geladen',
    updating: 'Die Zusammenfassung wird aktualisiert',
    includeChildGroups: 'Untergruppen einbeziehen',
    annotatedOf_one:
      '{{annotated}} von {{count}} Komponente hat Defender-Annotationen',
    annotatedOf_other:
      '{{annotated}} von {{count}} Komponenten haben Defender-Annotationen',
    withChildGroups: 'Die Komponenten ihrer Untergruppen sind eingerechnet.',
    totals: 'Offene Befunde aller Komponenten',
    fixable_one: '{{count}} behebbar: Es gibt eine korrigierte Version',
    fixable_other: '{{count}} behebbar: Es gibt korrigierte Versionen',
    refreshed: 'Zuletzt aus Azure aktualisiert {{time}}',
    truncated:
      'Es gibt mehr Komponenten, als die Zusammenfassung liest; diese Zahlen umfassen daher nur einen Teil davon. Die Betreiber von Backstage können {{key}} in der App-Konfiguration des Backends erhöhen.',
    connectors: 'Connectors',
    connectorCounts: '{{counts}}; {{fixable}} behebbar',
    usedBy_one: 'von {{count}} Komponente genutzt',
    usedBy_other: 'von {{count}} Komponenten genutzt',
    portalOf:
      '{{organization}} im Azure-Portal öffnen (öffnet einen neuen Tab)',
    notAllowed: 'Connectors, die Sie nicht sehen dürfen',
    components: 'Komponenten, die am stärksten betroffenen zuerst',
    componentsLabel:
      'Komponenten und ihre offenen Befunde, die am stärksten betroffenen zuerst',
    component: 'Komponente',
    status: 'Zustand',
    findings: 'Befunde',
    componentFixable: '{{count}} behebbar',
    showAll: 'Alle {{count}} Komponenten anzeigen',
    showFewer: 'Die {{count}} am stärksten betroffenen anzeigen',
    noComponentsGroup:
      'Diese Gruppe besitzt keine Komponente, die Sie im Katalog lesen dürfen.',
    noComponentsSystem:
      'Dieses System hat keine Komponente, die Sie im Katalog lesen dürfen.',
    childGroupsHint:
      'Schalten Sie „Untergruppen einbeziehen“ ein, um auch die Komponenten ihrer Untergruppen zu zählen.',
    noAnnotated_one:
      'Ihre einzige Komponente nennt keine Docker-Hub-Organisation und kein Repository; es gibt daher keine Defender-Daten zusammenzufassen.',
    noAnnotated_other:
      'Keine ihrer {{count}} Komponenten nennt eine Docker-Hub-Organisation oder ein Repository; es gibt daher keine Defender-Daten zusammenzufassen.',
    howToAnnotate:
      'Ergänzen Sie in der {{file}} jeder Komponente eine dieser Annotationen:',
    notFound:
      'Backstage findet diese Entität nicht, oder Sie dürfen sie im Katalog nicht lesen.',
    wrongKind: 'Die Zusammenfassung gibt es nur für Gruppen und Systeme.',
    retry: 'Erneut versuchen',
    byOwner: 'Nach Besitzer',
    ownerTruncated:
      'Einige Connectors oder Komponenten fehlen hier: Es gibt mehr, als diese Ansicht liest. Die Betreiber von Backstage können {{key}} in der App-Konfiguration des Backends erhöhen; die Seite jedes Connectors zeigt alle seine eigenen.',
    ownerIntro:
      'Die Connectors jedes Besitzers (ihr Tag {{tag}} in Azure) und die Komponenten des Katalogs, die sie nutzen.',
    ownerLoading: 'Die Connectors nach Besitzer werden geladen',
    ownerEmpty: 'Noch kein Docker-Hub-Connector.',
    noOwner: 'Kein Besitzer',
    noOwnerHint: 'Connectors ohne Tag {{tag}}',
    ownerTotals: 'Offene Befunde: {{counts}}',
    ownerConnectorCount_one: '{{count}} Connector',
    ownerConnectorCount_other: '{{count}} Connectors',
    ownerConnectorsLabel: 'Connectors von {{owner}}',
    organization: 'Organisation',
    usingComponents: 'Komponenten, die ihn nutzen',
    noUsingComponents: 'keine, die Sie lesen dürfen',
    moreComponents: '+{{count}} weitere',
    moreComponentsOf:
      '{{count}} weitere Komponenten von {{organization}} anzeigen',
    fewerComponents: 'Weniger anzeigen',
  },
};
