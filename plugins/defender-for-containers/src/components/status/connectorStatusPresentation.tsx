import type { ComponentType, ReactNode } from 'react';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import ScheduleOutlined from '@material-ui/icons/ScheduleOutlined';
import type { ConnectorStatus } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { useDefenderPalette, type StatusTone } from '../theme/defenderPalette';

/** How a connector status is shown: never by colour alone, always an icon with its label. */
export interface ConnectorStatusPresentation {
  tone: StatusTone;
  /** Message keys of the label and of the sentence for titles. */
  label: `status.${ConnectorStatus}`;
  description: `status.${ConnectorStatus}Description`;
}

/**
 * The one mapping from a connector status to a tone (icon and colour) and its words; pure, so a
 * status added to `ConnectorStatus` fails the type check here instead of rendering nothing.
 */
export function connectorStatusPresentation(
  status: ConnectorStatus,
): ConnectorStatusPresentation {
  const words = {
    label: `status.${status}`,
    description: `status.${status}Description`,
  } as const;
  switch (status) {
    case 'healthy':
      return { tone: 'ok', ...words };
    case 'unhealthy':
      return { tone: 'error', ...words };
    case 'pending':
      return { tone: 'pending', ...words };
    case 'stale':
    case 'missing':
    case 'notAllowed':
      return { tone: 'warning', ...words };
    default: {
      const unknown: never = status;
      throw new Error(`Unknown connector status ${unknown}`);
    }
  }
}

const ICONS: Record<StatusTone, ComponentType<any>> = {
  ok: CheckCircleOutline,
  error: ErrorOutline,
  warning: ReportProblemOutlined,
  pending: ScheduleOutlined,
};

/**
 * A tone's icon beside its words, the icon in the theme's colour for that tone at 3:1 or more
 * on the card. The icon is decoration: the words say it.
 */
export function StatusText(props: { tone: StatusTone; children: ReactNode }) {
  const palette = useDefenderPalette();
  const Icon = ICONS[props.tone];
  return (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 'var(--bui-space-1_5, 6px)',
        fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
      }}
    >
      <Icon
        data-testid={`status-${props.tone}`}
        aria-hidden
        style={{
          color: palette.status[props.tone].graphic,
          fontSize: '1.1em',
          flexShrink: 0,
        }}
      />
      <span>{props.children}</span>
    </span>
  );
}

/** A connector status as icon and label, in one line; its sentence as a tooltip. */
export function ConnectorStatusLabel(props: { status: ConnectorStatus }) {
  const { t } = useDefenderTranslation();
  const { tone, label, description } = connectorStatusPresentation(
    props.status,
  );
  return (
    <span
      title={t(description)}
      data-status={props.status}
      style={{ whiteSpace: 'nowrap', display: 'inline-block' }}
    >
      <StatusText tone={tone}>{t(label)}</StatusText>
    </span>
  );
}
