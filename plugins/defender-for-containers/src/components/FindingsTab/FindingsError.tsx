import RefreshIcon from '@material-ui/icons/Refresh';
import { Alert, Button, Flex } from '@backstage/ui';
import { connectorReadPermission } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import type { DescribedError } from '../format/describeError';

/**
 * Why there is no list, in place of the table: the permission to ask for (403), that the entity
 * is not readable (404), or the status; always the backend's own message (never a stack) and
 * Retry. A page
 * past the first also offers the first page: a 400 there is most often a cursor that expired
 * (the data was refreshed since), which retrying cannot fix.
 */
export function FindingsError(props: {
  error: DescribedError;
  onRetry: () => void;
  onFirstPage?: () => void;
}) {
  const { t } = useDefenderTranslation();
  const { status, message } = props.error;
  let title;
  if (status === 403) {
    title = t('findingsTab.errorNotAllowed', {
      permission: <code>{connectorReadPermission.name}</code>,
    });
  } else if (status === 404) {
    title = t('findingsTab.errorNotFound');
  } else {
    title = status
      ? t('findingsTab.errorStatus', { status: String(status) })
      : t('findingsTab.errorNetwork');
  }
  return (
    <Alert
      status={status === 403 || status === 404 ? 'warning' : 'danger'}
      icon
      role="alert"
      title={title}
      // the backend's own words, in English
      description={<span lang="en">{message}</span>}
      customActions={
        <Flex gap="2">
          {props.onFirstPage && (
            <Button
              variant="secondary"
              size="small"
              onPress={props.onFirstPage}
            >
              {t('findingsTab.firstPage')}
            </Button>
          )}
          <Button
            variant="secondary"
            size="small"
            iconStart={<RefreshIcon fontSize="small" />}
            onPress={props.onRetry}
          >
            {t('findingsTab.retry')}
          </Button>
        </Flex>
      }
    />
  );
}
