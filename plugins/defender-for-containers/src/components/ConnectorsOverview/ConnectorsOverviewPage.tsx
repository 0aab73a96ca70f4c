import { Container } from '@backstage/ui';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { onboardingTemplateRouteRef } from '../../routes';
import { ConnectorsOverview } from './ConnectorsOverview';

/** The overview's content, for the new frontend system's page (whose layout draws the header). */
export function ConnectorsOverviewPage(props: { onboardingTemplate: string }) {
  const route = useRouteRef(onboardingTemplateRouteRef);
  return (
    <Container my="4">
      <ConnectorsOverview
        onboardingHref={route?.({
          namespace: 'default',
          templateName: props.onboardingTemplate,
        })}
      />
    </Container>
  );
}
