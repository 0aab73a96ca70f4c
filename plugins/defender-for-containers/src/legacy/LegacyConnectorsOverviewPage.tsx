import { Container, Header } from '@backstage/ui';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ConnectorsOverview } from '../components/ConnectorsOverview/ConnectorsOverview';
import { DEFAULT_ONBOARDING_TEMPLATE } from '../onboardingTemplateUrl';
import { useDefenderTranslation } from '../translation/useDefenderTranslation';
import { legacyOnboardingTemplateRouteRef } from './routes';

/** The overview page with the header a legacy app's pages draw themselves. */
export function LegacyConnectorsOverviewPage() {
  const { t } = useDefenderTranslation();
  const route = useRouteRef(legacyOnboardingTemplateRouteRef);
  return (
    <>
      <Header
        title={t('page.legacyTitle')}
        description={t('page.legacySubtitle')}
      />
      <Container my="4">
        <ConnectorsOverview
          onboardingHref={route?.({
            namespace: 'default',
            templateName: DEFAULT_ONBOARDING_TEMPLATE,
          })}
        />
      </Container>
    </>
  );
}
