import type { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';
import type { ConnectorStatus } from '@defender-backstage/plugin-defender-for-containers-common';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';

/**
 * The first line of every connector entry on the card, whatever its state: its name as a heading
 * (an h4: the card's title is the h3) and its status, then whatever the entry adds (links,
 * actions at the end of the line), wrapping on narrow cards.
 */
export function ConnectorHeading(props: {
  title: string;
  status: ConnectorStatus;
  /** For `aria-labelledby` of the entry's section. */
  id?: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Flex align="center" justify="between" gap="2" style={{ flexWrap: 'wrap' }}>
      <Flex align="center" gap="3" style={{ flexWrap: 'wrap', minWidth: 0 }}>
        <Text
          as="h4"
          variant="body-large"
          weight="bold"
          id={props.id}
          style={{ margin: 0, overflowWrap: 'anywhere' }}
        >
          {props.title}
        </Text>
        <ConnectorStatusLabel status={props.status} />
        {props.children}
      </Flex>
      {props.actions}
    </Flex>
  );
}
