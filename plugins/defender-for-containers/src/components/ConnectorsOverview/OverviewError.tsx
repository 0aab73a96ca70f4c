import RefreshIcon from '@material-ui/icons/Refresh';
import { Alert, Button } from '@backstage/ui';
import { connectorReadPermission } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import type { DescribedError } from '../format/describeError';

/**
 * Why there is no list, in place of the table, and what to do about it: who grants the read
 * permission (403), what the operators configure (503), sign in (401), install the backend (404),
 * or the backend's own message; always with a Retry.
 */
export function OverviewError(props: {
  error: DescribedError;
  onRetry: () => void;
}) {
  const { t } = useDefenderTranslation();
  const { status, message } = props.error;
  const backendSays = <span lang="en">{message}</span>;
  let description;
  if (status === 403) {
    description = t('overviewError.notAllowed', {
      permission: <code>{connectorReadPermission.name}</code>,
    });
  } else if (status === 503) {
    description = (
      <>
        {t('overviewError.notConfigured')} {backendSays}
      </>
    );
  } else if (status === 401) {
    description = t('overviewError.notSignedIn');
  } else if (status === 404) {
    description = t('overviewError.notInstalled');
  } else {
    description = (
      <>
        {status
          ? t('overviewError.failed', { status: String(status) })
          : t('overviewError.unreachable')}{' '}
        {backendSays}
      </>
    );
  }
  return (
    <Alert
      status={status === 403 ? 'warning' : 'danger'}
      icon
      role="alert"
      title={t('overviewError.title')}
      description={description}
      customActions={
        <Button
          variant="secondary"
          size="small"
          iconStart={<RefreshIcon fontSize="small" />}
          onPress={props.onRetry}
        >
          {t('overviewError.retry')}
        </Button>
      }
    />
  );
}
