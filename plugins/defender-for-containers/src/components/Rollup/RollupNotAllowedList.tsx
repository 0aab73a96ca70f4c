import { Text } from '@backstage/ui';
import type { RestrictedConnector } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import {
  entryItemStyle,
  entryListStyle,
  RollupEntryHeading,
} from './RollupEntryHeading';
import { RollupSection } from './RollupSection';

/**
 * Connectors of the components whose data the reader may not see: the organization and why
 * (the backend's sentence), nothing else — no status, counts or links.
 */
export function RollupNotAllowedList(props: {
  notAllowed: RestrictedConnector[];
}) {
  const { t } = useDefenderTranslation();
  if (props.notAllowed.length === 0) return null;
  return (
    <RollupSection
      title={t('rollup.notAllowed')}
      data-testid="rollup-not-allowed"
    >
      <ul style={entryListStyle}>
        {props.notAllowed.map((c, i) => (
          <li key={c.organization} style={entryItemStyle(i === 0)}>
            <RollupEntryHeading
              organization={c.organization}
              status="notAllowed"
            />
            <Text
              as="p"
              variant="body-medium"
              lang="en"
              style={{ marginTop: 4 }}
            >
              {c.message}
            </Text>
          </li>
        ))}
      </ul>
    </RollupSection>
  );
}
