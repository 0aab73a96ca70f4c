import { screen } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import {
  healthyConnector,
  pendingConnector,
  unhealthyConnector,
} from '../../__fixtures__/defenderResponses';
import { backendError } from '../../__testUtils__/renderDefenderCard';
import {
  overview,
  page,
  renderOverview,
} from '../../__testUtils__/renderOverview';

expect.extend(toHaveNoViolations);

describe('ConnectorsOverview accessibility', () => {
  it('has no axe violations with connectors, filtered, sorted and paged', async () => {
    const { container } = renderOverview(
      jest.fn(async () =>
        page(
          [
            overview(healthyConnector('acme')),
            overview(unhealthyConnector('initech')),
            { ...overview(pendingConnector('umbrella')), owner: undefined },
          ],
          45,
          20,
        ),
      ),
      { url: '/?status=healthy&q=a&sort=findings&order=desc&page=2' },
    );
    await screen.findByRole('link', { name: 'acme' });
    expect(await axe(container)).toHaveNoViolations();
  });

  it('has no axe violations when the backend refuses', async () => {
    const { container } = renderOverview(
      jest
        .fn()
        .mockRejectedValue(
          await backendError(403, 'NotAllowedError', 'Missing permission'),
        ),
    );
    await screen.findByRole('alert');
    expect(await axe(container)).toHaveNoViolations();
  });

  it('has no axe violations when there is no connector yet', async () => {
    const { container } = renderOverview(
      jest.fn(async () => page([])),
      {
        onboardingHref: '/create/templates/default/defender-onboard-dockerhub',
      },
    );
    await screen.findByRole('link', { name: 'Onboard an organization' });
    expect(await axe(container)).toHaveNoViolations();
  });
});
