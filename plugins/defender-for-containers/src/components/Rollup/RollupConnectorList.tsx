import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import { ButtonLink, Text, Tooltip, TooltipTrigger } from '@backstage/ui';
import type { RollupConnector } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts, totalOf } from '../charts/severities';
import { SecondaryText } from '../theme/SecondaryText';
import {
  entryItemStyle,
  entryListStyle,
  RollupEntryHeading,
} from './RollupEntryHeading';
import { RollupSection } from './RollupSection';

/** The Azure portal page of a connector, as the entity card's icon link, naming which one. */
function PortalLink(props: { connector: RollupConnector }) {
  const { t } = useDefenderTranslation();
  const label = t('rollup.portalOf', {
    organization: props.connector.organization,
  });
  return (
    <TooltipTrigger>
      <ButtonLink
        variant="tertiary"
        href={props.connector.portalUrl}
        target="_blank"
        rel="noopener noreferrer"
        iconStart={<OpenInNewIcon fontSize="small" />}
        aria-label={label}
      />
      <Tooltip>{label}</Tooltip>
    </TooltipTrigger>
  );
}

/**
 * The connectors of the roll-up's components, counted over those components' images only: each
 * with its status, what the status means (the backend's English sentence, marked so), its counts
 * and how many of the components use it.
 */
export function RollupConnectorList(props: { connectors: RollupConnector[] }) {
  const { t } = useDefenderTranslation();
  if (props.connectors.length === 0) return null;
  const max = Math.max(1, ...props.connectors.map(c => totalOf(c.counts)));
  return (
    <RollupSection title={t('rollup.connectors')}>
      <ul style={entryListStyle}>
        {props.connectors.map((c, i) => (
          <li
            key={c.id}
            style={entryItemStyle(i === 0)}
            data-connector={c.organization}
          >
            <RollupEntryHeading
              organization={c.organization}
              status={c.status}
              actions={<PortalLink connector={c} />}
            >
              <SecondaryText variant="body-medium">
                {t('rollup.usedBy', { count: c.components })}
              </SecondaryText>
            </RollupEntryHeading>
            <Text
              as="p"
              variant="body-medium"
              lang="en"
              style={{ margin: '4px 0 8px' }}
            >
              {c.message}
            </Text>
            <StackedSeverityBar counts={c.counts} max={max} />
            <Text as="p" variant="body-medium" style={{ marginTop: 4 }}>
              {t('rollup.connectorCounts', {
                counts: describeCounts(c.counts, t),
                fixable: String(c.fixable),
              })}
            </Text>
          </li>
        ))}
      </ul>
    </RollupSection>
  );
}
