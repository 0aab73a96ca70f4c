import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  renderInTestApp as renderInLegacyTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntitySwitch } from '@backstage/plugin-catalog';
import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { defenderApiRef } from '../../api/DefenderApi';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { componentEntity } from '../../__fixtures__/defenderResponses';
import {
  EntityDefenderRollupCard,
  isDefenderRollupAvailable,
} from '../../legacy/LegacyDefenderRollupCard';
import { defenderRollupEntityCard } from '../../rollupExtensions';
import {
  groupEntity,
  SYSTEM,
  TEAM,
  teamRollup,
} from './__fixtures__/rollupResponses';

// Test apps render slowly on a busy shared machine; the default 5 s is not about behaviour.
jest.setTimeout(20_000);

describe('the roll-up card in both frontend systems', () => {
  it('is a content card on Groups and Systems only, whatever the kind’s case', () => {
    const tester = createExtensionTester(defenderRollupEntityCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(TEAM)).toBe(true);
    expect(filter(SYSTEM)).toBe(true);
    expect(filter(groupEntity('ops', 'group'))).toBe(true);
    expect(filter(componentEntity('payments-api'))).toBe(false);
    expect(filter(groupEntity('jdoe', 'User'))).toBe(false);
    expect(filter(groupEntity('db', 'Resource'))).toBe(false);
  });

  it('renders the roll-up of the entity in context, lazily (new frontend system)', async () => {
    const getEntityRollup = jest.fn(async () => teamRollup());
    const element = createExtensionTester(
      defenderRollupEntityCard,
    ).reactElement();
    renderInTestApp(<EntityProvider entity={TEAM}>{element}</EntityProvider>, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [[defenderApiRef, defenderApiWith({ getEntityRollup })]],
    });
    expect(await screen.findByText('Docker Hub acme')).toBeInTheDocument();
    expect(getEntityRollup).toHaveBeenCalledWith(
      { kind: 'group', namespace: 'default', name: 'team-payments' },
      { children: false },
    );
  });

  /** The lines the README asks a legacy app to add to its Group and System pages. */
  function LegacyEntityOverview(props: { entity: Entity }) {
    return (
      <EntityProvider entity={props.entity}>
        <EntitySwitch>
          <EntitySwitch.Case if={isDefenderRollupAvailable}>
            <EntityDefenderRollupCard />
          </EntitySwitch.Case>
        </EntitySwitch>
        <span>entity page</span>
      </EntityProvider>
    );
  }

  /** A legacy app's entity page around `entity`, with a backend that answers the team's roll-up. */
  async function renderLegacyPage(entity: Entity) {
    const getEntityRollup = jest.fn(
      async (_ref: CompoundEntityRef, options?: { children?: boolean }) =>
        teamRollup(options?.children),
    );
    await renderInLegacyTestApp(
      <TestApiProvider
        apis={[[defenderApiRef, defenderApiWith({ getEntityRollup })]]}
      >
        <Routes>
          <Route path="/*" element={<LegacyEntityOverview entity={entity} />} />
        </Routes>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('entity page')).toBeInTheDocument();
    return getEntityRollup;
  }

  it.each([
    ['a Group', TEAM],
    ['a System', SYSTEM],
  ] as const)(
    'in a legacy app, shows through EntitySwitch on %s',
    async (_, entity) => {
      await renderLegacyPage(entity);
      expect(
        await screen.findByRole('link', { name: 'Zeta payments' }),
      ).toHaveAttribute('href', '/catalog/default/component/zeta-payments');
    },
  );

  it('in a legacy app, stays away from a Component through EntitySwitch', async () => {
    const getEntityRollup = await renderLegacyPage(
      componentEntity('payments-api'),
    );
    expect(screen.queryByText('Defender for Containers')).toBeNull();
    expect(getEntityRollup).not.toHaveBeenCalled();
  });

  it('in a legacy app, the child-group switch re-requests through React Router’s URL', async () => {
    const getEntityRollup = await renderLegacyPage(TEAM);
    await screen.findByRole('link', { name: 'Zeta payments' });
    await userEvent.click(
      screen.getByRole('switch', { name: 'Include child groups' }),
    );
    expect(
      await screen.findByRole('link', { name: 'Fraud scoring' }),
    ).toBeInTheDocument();
    expect(getEntityRollup).toHaveBeenLastCalledWith(expect.anything(), {
      children: true,
    });
  });
});
