import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe, toHaveNoViolations } from 'jest-axe';
import {
  OWNER_VIEW_STATES,
  OWNERS,
  renderOwnerView,
} from './__testUtils__/renderOwnerView';

expect.extend(toHaveNoViolations);
jest.setTimeout(20_000);

describe('OwnerRollupView accessibility', () => {
  it.each(OWNER_VIEW_STATES.map(s => [s.name, s] as const))(
    'has no axe violations: %s',
    async (_, state) => {
      const { container } = await renderOwnerView(state.answer);
      await waitFor(() =>
        expect(container.querySelector(state.ready)).not.toBeNull(),
      );
      expect(await axe(container)).toHaveNoViolations();
    },
  );

  it('has no axe violations with every component of a connector shown', async () => {
    const { container } = await renderOwnerView(async () => OWNERS);
    await userEvent.click(
      await screen.findByRole('button', { name: /Show 3 more components/ }),
    );
    expect(await axe(container)).toHaveNoViolations();
  });
});
