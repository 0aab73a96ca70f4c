import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { defenderApiRef } from '../../api/DefenderApi';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { ZERO } from '../../__fixtures__/defenderResponses';
import { backendError } from '../../__testUtils__/renderDefenderCard';
import {
  groupEntity,
  RESTRICTED,
  rollupComponent,
  TEAM,
  rollupWith,
  teamRollup,
} from './__fixtures__/rollupResponses';
import { renderRollupCard } from './__testUtils__/renderRollupCard';
import { EntityDefenderRollupCard } from './EntityDefenderRollupCard';

// Test apps render slowly on a busy shared machine; the default 5 s is not about behaviour.
jest.setTimeout(20_000);

const componentLinks = () =>
  within(screen.getByRole('table', { name: /Components and their/ }))
    .getAllByRole('link')
    .map(a => [a.textContent, a.getAttribute('href')]);

/** The card's states besides a plain roll-up: partial, long, empty, failed and loading. */
describe('EntityDefenderRollupCard states', () => {
  it('says which connectors the reader may not see, in the backend’s words, without a portal link', async () => {
    renderRollupCard(
      defenderApiWith({
        getEntityRollup: async () => rollupWith({ notAllowed: [RESTRICTED] }),
      }),
    );
    const section = await screen.findByTestId('rollup-not-allowed');
    expect(
      within(section).getByRole('heading', {
        name: 'Connectors you may not see',
      }),
    ).toBeInTheDocument();
    expect(
      within(section).getByText('Docker Hub umbrella'),
    ).toBeInTheDocument();
    expect(within(section).getByText('Not allowed')).toBeInTheDocument();
    expect(within(section).getByText(RESTRICTED.message)).toHaveAttribute(
      'lang',
      'en',
    );
    expect(within(section).queryByRole('link')).not.toBeInTheDocument();
  });

  it('says when the numbers cover only some of the components', async () => {
    renderRollupCard(
      defenderApiWith({
        getEntityRollup: async () => rollupWith({ componentsTruncated: true }),
      }),
    );
    expect(await screen.findByTestId('rollup-truncated')).toHaveTextContent(
      'defenderForContainers.health.rollup.maxComponents',
    );
  });

  it('shows ten components, then all on request', async () => {
    renderRollupCard(
      defenderApiWith({
        getEntityRollup: async () =>
          rollupWith({
            components: Array.from({ length: 14 }, (_, i) =>
              rollupComponent(`svc-${i + 1}`, 'acme', ZERO),
            ),
            componentCount: 14,
          }),
      }),
    );
    await screen.findByRole('table');
    expect(componentLinks()).toHaveLength(10);
    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 14 components' }),
    );
    expect(componentLinks()).toHaveLength(14);
    expect(componentLinks()[13][0]).toBe('svc-14');
  });

  it('says how to annotate when no component names a Docker Hub organization or repository', async () => {
    renderRollupCard(
      defenderApiWith({
        getEntityRollup: async () =>
          rollupWith({ components: [], componentCount: 3, connectors: [] }),
      }),
    );
    const empty = await screen.findByTestId('rollup-empty');
    expect(empty).toHaveTextContent(
      'None of its 3 components names a Docker Hub organization or repository',
    );
    expect(empty.querySelector('pre')).toHaveTextContent(
      'microsoft.com/defender-dockerhub-repository: <org>/<repo>',
    );
    expect(
      within(empty)
        .getAllByRole('code')
        .map(c => c.textContent),
    ).toEqual(
      expect.arrayContaining([
        'microsoft.com/defender-dockerhub-repository',
        'microsoft.com/defender-dockerhub-organization',
      ]),
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(
      screen.getByText('0 of 3 components have Defender annotations'),
    ).toBeInTheDocument();
  });

  it('points a group without components to its child groups, until they are included', async () => {
    const getEntityRollup = jest.fn(
      async (_ref: CompoundEntityRef, options?: { children?: boolean }) =>
        rollupWith({
          components: [],
          componentCount: 0,
          connectors: [],
          includesChildGroups: !!options?.children,
        }),
    );
    renderRollupCard(defenderApiWith({ getEntityRollup }));
    const empty = await screen.findByTestId('rollup-empty');
    expect(empty).toHaveTextContent(
      'This group owns no component you may read in the catalog.',
    );
    expect(empty).toHaveTextContent('Include child groups');
    await userEvent.click(screen.getByRole('switch'));
    await waitFor(() =>
      expect(screen.getByTestId('rollup-empty')).not.toHaveTextContent(
        'Include child groups',
      ),
    );
  });

  it('shows a failure with the backend’s words and loads again on Retry', async () => {
    const getEntityRollup = jest
      .fn()
      .mockRejectedValueOnce(
        await backendError(500, 'Error', 'database is locked'),
      )
      .mockResolvedValue(teamRollup());
    renderRollupCard(defenderApiWith({ getEntityRollup }));
    const alert = await screen.findByRole('group', {
      name: /Could not load/,
    });
    expect(alert).toHaveTextContent('HTTP 500');
    expect(within(alert).getByText('database is locked')).toHaveAttribute(
      'lang',
      'en',
    );
    expect(alert).not.toHaveTextContent('secret.ts');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(getEntityRollup).toHaveBeenCalledTimes(2);
  });

  it('says the entity is not found or hidden on 404, and what permission is missing on 403', async () => {
    const { unmount } = await renderRollupCard(
      defenderApiWith({
        getEntityRollup: async () => {
          throw await backendError(404, 'NotFoundError', 'No such entity');
        },
      }),
    );
    expect(
      await screen.findByRole('group', {
        name: 'Backstage cannot find this entity, or you may not read it in the catalog.',
      }),
    ).toBeInTheDocument();
    unmount();

    renderRollupCard(
      defenderApiWith({
        getEntityRollup: async () => {
          throw await backendError(403, 'NotAllowedError', 'Missing');
        },
      }),
    );
    expect(
      await screen.findByText('defender-for-containers.connector.read'),
    ).toBeInTheDocument();
  });

  it('says it is loading until the backend answers', async () => {
    renderRollupCard(
      defenderApiWith({ getEntityRollup: () => new Promise(() => {}) }),
    );
    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the Defender for Containers roll-up',
      }),
    ).toBeInTheDocument();
  });

  it('never shows one group’s answer on the next group’s page while that one loads', async () => {
    // The entity page navigates from one group to another: the card stays mounted.
    function TwoGroups() {
      const [entity, setEntity] = useState(TEAM);
      return (
        <>
          <button onClick={() => setEntity(groupEntity('team-risk'))}>
            next group
          </button>
          <EntityProvider entity={entity}>
            <EntityDefenderRollupCard />
          </EntityProvider>
        </>
      );
    }
    const getEntityRollup = jest.fn((ref: CompoundEntityRef) =>
      ref.name === 'team-payments'
        ? Promise.resolve(teamRollup())
        : new Promise<never>(() => {}),
    );
    renderInTestApp(<TwoGroups />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [[defenderApiRef, defenderApiWith({ getEntityRollup })]],
    });
    expect(await screen.findByText('Zeta payments')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'next group' }));
    await waitFor(() =>
      expect(getEntityRollup).toHaveBeenLastCalledWith(
        expect.objectContaining({ name: 'team-risk' }),
        { children: false },
      ),
    );
    expect(screen.queryByText('Zeta payments')).not.toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
