import { Switch, Text } from '@backstage/ui';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { OwnerRollupView } from '../OwnerRollup/OwnerRollupView';
import { ConnectorsList } from './ConnectorsList';

export { PAGE_SIZES } from './useOverviewQuery';

/**
 * Every connector of the subscriptions Backstage reads, as a filtered list or, with "By owner"
 * (`view=owner` in the URL), grouped by owner with the components that use each connector. The
 * page's header comes from its surroundings (the new frontend system's page, or the legacy
 * `DefenderForContainersPage`).
 */
export function ConnectorsOverview(props: {
  /** The onboarding template's page, offered when there is no connector at all. */
  onboardingHref?: string;
}) {
  const { t } = useDefenderTranslation();
  const [params, setParams] = useAppSearchParams();
  const byOwner = params.get('view') === 'owner';
  const setByOwner = (on: boolean) =>
    setParams(
      prev => {
        const next = new URLSearchParams(prev);
        if (on) next.set('view', 'owner');
        else next.delete('view');
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <Text as="p" variant="body-large" style={{ marginBottom: 16 }}>
        {t('overview.intro')}
      </Text>
      <div style={{ marginBottom: 16 }}>
        <Switch
          label={t('rollup.byOwner')}
          isSelected={byOwner}
          onChange={setByOwner}
        />
      </div>
      {byOwner ? (
        <OwnerRollupView />
      ) : (
        <ConnectorsList onboardingHref={props.onboardingHref} />
      )}
    </>
  );
}
