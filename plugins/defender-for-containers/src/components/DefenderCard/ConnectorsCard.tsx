import { Fragment } from 'react';
import { Text } from '@backstage/ui';
import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  connectorEntityRef,
  isConnectorHealth,
  type EntityConnector,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { OnboardingHref } from '../../onboardingTemplateUrl';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { ConnectorActions } from './ConnectorActions';
import { ConnectorPanel, ConnectorSection } from './ConnectorPanel';
import { ConnectorRefreshScope } from './ConnectorRefreshScope';
import { IgnoredAnnotations } from './IgnoredAnnotations';
import { MissingConnectorPanel } from './MissingConnectorPanel';
import { RestrictedConnectorPanel } from './RestrictedConnectorPanel';

/** More connectors than this, and each starts as one line that opens on demand. */
export const COLLAPSE_AFTER = 3;

const keyOf = (c: EntityConnector) =>
  isConnectorHealth(c)
    ? c.id
    : `${c.status}:${c.organization ?? ('id' in c ? c.id : '')}`;

/** A thin rule between connectors, in the card's border colour. */
function Separator(props: { compact: boolean }) {
  const margin = props.compact ? 'var(--bui-space-3)' : 'var(--bui-space-5)';
  return (
    <hr
      style={{
        border: 0,
        borderTop: '1px solid var(--bui-border-1)',
        margin: `${margin} 0`,
      }}
    />
  );
}

/**
 * The loaded card. With one connector (the usual case) its Refresh and portal link sit in the
 * card's header, where the About card keeps its actions; with several, each connector carries
 * its own.
 */
export function ConnectorsCard(props: {
  title: string;
  response: EntityDefenderResponse;
  entityRef: CompoundEntityRef;
  /** The entity's own ref, lower case: a connector Resource does not link to itself. */
  ownRef: string;
  canRefresh: boolean;
  onResponse: (response: EntityDefenderResponse) => void;
  onboardingTemplate: string;
  onboardingHref: OnboardingHref;
}) {
  const { t } = useDefenderTranslation();
  const { response, title, entityRef, canRefresh, onResponse } = props;
  const { connectors } = response;
  const ignored = <IgnoredAnnotations ignored={response.ignored} />;
  const isOwnEntity = (organization: string) =>
    connectorEntityRef(organization) === props.ownRef;

  const single = connectors.length === 1 ? connectors[0] : undefined;
  if (single && isConnectorHealth(single)) {
    return (
      <ConnectorRefreshScope
        enabled={canRefresh}
        entityRef={entityRef}
        connector={single}
        onResponse={onResponse}
      >
        {refresh => (
          <EntityInfoCard
            title={title}
            headerActions={
              <ConnectorActions connector={single} refresh={refresh} />
            }
          >
            <ConnectorSection
              connector={single}
              isOwnEntity={isOwnEntity(single.organization)}
              refresh={refresh}
              actionsInHeading={false}
              open
            />
            {ignored}
          </EntityInfoCard>
        )}
      </ConnectorRefreshScope>
    );
  }

  const collapsible = connectors.length > COLLAPSE_AFTER;
  return (
    <EntityInfoCard title={title}>
      {connectors.length === 0 && (
        <Text as="p" variant="body-medium">
          {t('card.nothingToLookUp')}
        </Text>
      )}
      {connectors.map((c, i) => (
        <Fragment key={keyOf(c)}>
          {i > 0 && <Separator compact={collapsible} />}
          {c.status === 'missing' && (
            <MissingConnectorPanel
              missing={c}
              azureRead={!!response.refreshedAt}
              onboardingTemplate={props.onboardingTemplate}
              onboardingHref={props.onboardingHref}
            />
          )}
          {c.status === 'notAllowed' && (
            <RestrictedConnectorPanel restricted={c} />
          )}
          {isConnectorHealth(c) && (
            <ConnectorPanel
              connector={c}
              entityRef={entityRef}
              isOwnEntity={isOwnEntity(c.organization)}
              canRefresh={canRefresh}
              onResponse={onResponse}
              collapsible={collapsible}
            />
          )}
        </Fragment>
      ))}
      {ignored}
    </EntityInfoCard>
  );
}
