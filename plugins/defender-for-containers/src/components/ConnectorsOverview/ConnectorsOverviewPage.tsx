import { Content } from '@backstage/core-components';
import { ConnectorsOverview } from './ConnectorsOverview';

/** The overview's content, for the new frontend system's page (which draws the header). */
export function ConnectorsOverviewPage() {
  return (
    <Content>
      <ConnectorsOverview />
    </Content>
  );
}
