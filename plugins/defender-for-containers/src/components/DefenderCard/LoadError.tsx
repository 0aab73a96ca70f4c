import RefreshIcon from '@material-ui/icons/Refresh';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import { connectorReadPermission } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import type { DescribedError } from '../format/describeError';
import { CodeBlock } from './CodeBlock';

// Short lines: the card may be half a page wide.
const CONFIG_EXAMPLE = `defenderForContainers:
  azure:
    credential:
      type: workloadIdentity
    subscriptions:
      - id: <subscription-id>
        resourceGroups: [<resource-group>]`;

/**
 * Why the card has no data, in words a service owner can act on: the backend's message (never a
 * stack, and marked as the backend's English), for 403 and 503 what to ask for or configure, and
 * a Retry that loads the card again.
 */
export function LoadError(props: {
  error: DescribedError;
  onRetry: () => void;
}) {
  const { t } = useDefenderTranslation();
  const { status, message } = props.error;
  const retry = (
    <Button
      variant="secondary"
      size="small"
      iconStart={<RefreshIcon fontSize="small" />}
      onPress={props.onRetry}
    >
      {t('error.retry')}
    </Button>
  );
  if (status === 403) {
    return (
      <Alert
        status="info"
        icon
        role="group"
        aria-label={t('status.notAllowed')}
        title={t('error.notAllowed', {
          permission: <code>{connectorReadPermission.name}</code>,
        })}
      />
    );
  }
  if (status === 503) {
    return (
      <Flex direction="column" gap="3">
        <Alert
          status="warning"
          icon
          role="group"
          aria-label={t('error.notConfigured')}
          title={t('error.notConfigured')}
          description={<span lang="en">{message}</span>}
          customActions={retry}
        />
        <Text as="p" variant="body-medium">
          {t('error.configureHint')}
        </Text>
        <CodeBlock text={CONFIG_EXAMPLE} />
      </Flex>
    );
  }
  return (
    <Alert
      status="danger"
      icon
      role="group"
      aria-label={t('error.couldNotLoad')}
      title={
        status
          ? t('error.couldNotLoadStatus', { status: String(status) })
          : t('error.couldNotLoad')
      }
      description={<span lang="en">{message}</span>}
      customActions={retry}
    />
  );
}
