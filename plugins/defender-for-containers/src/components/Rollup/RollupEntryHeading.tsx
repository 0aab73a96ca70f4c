import type { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';
import type { RollupConnector } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';

/** The roll-up's connector lists (allowed and not) share these: a plain list, rules between. */
export const entryListStyle = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
} as const;
// A thin rule between entries, in the card's border colour, as between the card's connectors.
export const entryItemStyle = (first: boolean) =>
  ({
    padding: 'var(--bui-space-3, 12px) 0',
    borderTop: first ? 'none' : '1px solid var(--bui-border-1)',
  } as const);

/** One entry's first line: its name, its status in words, then what the entry adds. */
export function RollupEntryHeading(props: {
  organization: string;
  status: RollupConnector['status'] | 'notAllowed';
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useDefenderTranslation();
  return (
    <Flex align="center" justify="between" gap="2" style={{ flexWrap: 'wrap' }}>
      <Flex align="center" gap="3" style={{ flexWrap: 'wrap', minWidth: 0 }}>
        <Text
          variant="body-medium"
          weight="bold"
          style={{ overflowWrap: 'anywhere' }}
        >
          {t('card.connectorHeading', { organization: props.organization })}
        </Text>
        <ConnectorStatusLabel status={props.status} />
        {props.children}
      </Flex>
      {props.actions}
    </Flex>
  );
}
