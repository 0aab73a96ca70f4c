import { useId, useState } from 'react';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Button, Link } from '@backstage/ui';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  connectorEntityRef,
  type ConnectorHealth,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorRefresh } from '../../hooks/useConnectorRefresh';
import { SecondaryText } from '../theme/SecondaryText';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { describeCounts } from '../charts/severities';
import { ConnectorActions } from './ConnectorActions';
import { ConnectorDetails } from './ConnectorDetails';
import { ConnectorHeading } from './ConnectorHeading';
import { ConnectorRefreshScope } from './ConnectorRefreshScope';

/**
 * One connector: heading with status, then what is wrong and how to fix it, findings, trend and
 * freshness. `actionsInHeading`: the card shows several connectors, so each carries its own
 * Refresh and portal link (with one, they sit in the card's header instead).
 */
export function ConnectorSection(props: {
  connector: ConnectorHealth;
  /** The card sits on this connector's own entity page: no link to itself. */
  isOwnEntity: boolean;
  refresh?: ConnectorRefresh;
  actionsInHeading: boolean;
  /** One line (status and counts) until opened: many connectors stay readable and quick. */
  collapsible?: boolean;
  open: boolean;
  onToggle?: () => void;
}) {
  const { t } = useDefenderTranslation();
  const entityLink = useEntityRefLink();
  const { connector: c, open, collapsible } = props;
  const headingId = useId();
  const detailsId = useId();
  const heading = t('card.connectorHeading', { organization: c.organization });
  return (
    <section aria-labelledby={headingId} data-connector={c.organization}>
      <ConnectorHeading
        title={heading}
        status={c.status}
        id={headingId}
        actions={
          props.actionsInHeading &&
          open && (
            <ConnectorActions
              connector={c}
              refresh={props.refresh}
              describedBy={headingId}
            />
          )
        }
      >
        {/* In a one-line row the link waits for "Details": fifty catalog links cost more than they help. */}
        {!props.isOwnEntity && open && (
          <Link
            href={entityLink(connectorEntityRef(c.organization))}
            variant="body-medium"
          >
            {t('card.connectorInCatalog')}
          </Link>
        )}
        {collapsible && (
          <>
            <SecondaryText variant="body-medium">
              {c.issueCount > 0
                ? `${t('card.issueCount', { count: c.issueCount })} · `
                : ''}
              {describeCounts(c.findings.totals, t)}
            </SecondaryText>
            <Button
              variant="tertiary"
              size="small"
              onPress={props.onToggle}
              aria-expanded={open}
              aria-controls={detailsId}
              aria-label={t(open ? 'card.hideDetailsOf' : 'card.detailsOf', {
                organization: c.organization,
              })}
              iconEnd={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            >
              {open ? t('card.hideDetails') : t('card.details')}
            </Button>
          </>
        )}
      </ConnectorHeading>
      {open && (
        <div id={detailsId}>
          <ConnectorDetails connector={c} refresh={props.refresh} />
        </div>
      )}
    </section>
  );
}

/** A connector among several on the card, with its own refresh for whoever may refresh it. */
export function ConnectorPanel(props: {
  connector: ConnectorHealth;
  entityRef: CompoundEntityRef;
  isOwnEntity: boolean;
  canRefresh: boolean;
  onResponse: (response: EntityDefenderResponse) => void;
  collapsible: boolean;
}) {
  const { collapsible, canRefresh } = props;
  const [open, setOpen] = useState(!collapsible);
  return (
    <ConnectorRefreshScope
      enabled={canRefresh && open}
      entityRef={props.entityRef}
      connector={props.connector}
      onResponse={props.onResponse}
    >
      {refresh => (
        <ConnectorSection
          connector={props.connector}
          isOwnEntity={props.isOwnEntity}
          refresh={refresh}
          actionsInHeading
          collapsible={collapsible}
          open={open}
          onToggle={() => setOpen(v => !v)}
        />
      )}
    </ConnectorRefreshScope>
  );
}
