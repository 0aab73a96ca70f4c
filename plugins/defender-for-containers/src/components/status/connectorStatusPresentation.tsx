import type { ComponentType, ReactNode } from 'react';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { ConnectorStatus } from '@defender-backstage/plugin-defender-for-containers-common';

/** How a connector status is shown: never by colour alone, always an icon with its label. */
export interface ConnectorStatusPresentation {
  label: string;
  /** Backstage's status icon, whose colour follows the theme. */
  Icon: ComponentType<{ children?: ReactNode }>;
  /** For screen readers and titles: the label in a sentence. */
  description: string;
}

/**
 * The one mapping from a connector status to Backstage's status icons and a label; pure, so a
 * status added to `ConnectorStatus` fails the type check here instead of rendering nothing.
 */
export function connectorStatusPresentation(
  status: ConnectorStatus,
): ConnectorStatusPresentation {
  switch (status) {
    case 'healthy':
      return {
        label: 'Healthy',
        Icon: StatusOK,
        description:
          'Defender for Cloud reads this organization without problems',
      };
    case 'unhealthy':
      return {
        label: 'Unhealthy',
        Icon: StatusError,
        description: 'Defender for Cloud reports a problem with this connector',
      };
    case 'pending':
      return {
        label: 'Pending first scan',
        Icon: StatusPending,
        description:
          'Defender for Cloud has not reported on this connector yet',
      };
    case 'stale':
      return {
        label: 'Stale',
        Icon: StatusWarning,
        description: 'Backstage could not refresh this connector from Azure',
      };
    case 'missing':
      return {
        label: 'Not onboarded',
        Icon: StatusWarning,
        description: 'No Defender connector exists for this organization',
      };
    case 'notAllowed':
      return {
        label: 'Not allowed',
        Icon: StatusWarning,
        description:
          "You may not see this connector's data: ask the owner of its catalog Resource",
      };
    default: {
      const unknown: never = status;
      throw new Error(`Unknown connector status ${unknown}`);
    }
  }
}

/**
 * A status as icon and label, in one line. Backstage's status components hide themselves from
 * assistive technology (`aria-hidden`); here the label is the information, so it stays readable.
 */
export function ConnectorStatusLabel(props: { status: ConnectorStatus }) {
  const { label, Icon, description } = connectorStatusPresentation(
    props.status,
  );
  const Readable = Icon as ComponentType<Record<string, unknown>>;
  return (
    <span
      title={description}
      data-status={props.status}
      style={{ whiteSpace: 'nowrap', display: 'inline-block' }}
    >
      <Readable aria-hidden={undefined} aria-label={undefined}>
        {label}
      </Readable>
    </span>
  );
}
