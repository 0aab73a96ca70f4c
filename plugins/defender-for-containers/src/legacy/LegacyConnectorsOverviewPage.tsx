import { Content, Header, Page } from '@backstage/core-components';
import { ConnectorsOverview } from '../components/ConnectorsOverview/ConnectorsOverview';

/** The overview page with the header a legacy app's pages draw themselves. */
export function LegacyConnectorsOverviewPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Defender for Containers"
        subtitle="Docker Hub connectors of the Azure subscriptions this Backstage reads"
      />
      <Content>
        <ConnectorsOverview />
      </Content>
    </Page>
  );
}
