import { Text } from '@backstage/ui';
import {
  connectorEntityRef,
  type RestrictedConnector,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { ConnectorHeading } from './ConnectorHeading';

/**
 * A connector the viewer may not see (`health.readScope: connector-entity`): its organization and
 * why, nothing else — no status, counts or links.
 */
export function RestrictedConnectorPanel(props: {
  restricted: RestrictedConnector;
}) {
  const { t } = useDefenderTranslation();
  const { organization } = props.restricted;
  const name = t('card.connectorHeading', { organization });
  return (
    <section aria-label={name}>
      <ConnectorHeading title={name} status="notAllowed" />
      <Text as="p" variant="body-medium" style={{ marginTop: 8 }}>
        {t('restricted.message', {
          organization,
          entityRef: connectorEntityRef(organization),
        })}
      </Text>
    </section>
  );
}
