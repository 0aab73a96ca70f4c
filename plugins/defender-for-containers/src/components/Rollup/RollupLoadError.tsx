import RefreshIcon from '@material-ui/icons/Refresh';
import { Alert, Button } from '@backstage/ui';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { LoadError } from '../DefenderCard/LoadError';
import type { DescribedError } from '../format/describeError';

/**
 * Why the roll-up has no data. The roll-up's own refusals get their own words: 404 (the backend
 * does not say whether the entity is gone or hidden from the reader, so neither does the card)
 * and 400 (the card placed on another kind through a `filter` override). Everything else — 403
 * without the read permission, 503 not configured, a failure — reads as on the entity card.
 */
export function RollupLoadError(props: {
  error: DescribedError;
  onRetry: () => void;
}) {
  const { t } = useDefenderTranslation();
  const { status, message } = props.error;
  if (status !== 404 && status !== 400) return <LoadError {...props} />;
  const title = status === 404 ? t('rollup.notFound') : t('rollup.wrongKind');
  return (
    <Alert
      status="info"
      icon
      role="group"
      aria-label={title}
      title={title}
      description={<span lang="en">{message}</span>}
      customActions={
        <Button
          variant="secondary"
          size="small"
          iconStart={<RefreshIcon fontSize="small" />}
          onPress={props.onRetry}
        >
          {t('rollup.retry')}
        </Button>
      }
    />
  );
}
