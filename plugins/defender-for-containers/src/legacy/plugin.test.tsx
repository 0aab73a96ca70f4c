import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  catalogPlugin,
  EntityLayout,
  EntitySwitch,
} from '@backstage/plugin-catalog';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { Entity } from '@backstage/catalog-model';
import { getComponentData } from '@backstage/core-plugin-api';
import {
  DefenderAzureTargetPickerFieldExtension,
  DefenderForContainersPage,
  defenderApiRef,
  defenderForContainersPlugin,
  EntityDefenderForContainersCard,
  EntityDefenderFindingsContent,
  isDefenderForContainersAvailable,
  legacyOnboardingTemplateRouteRef,
  legacyRotateTemplateRouteRef,
  type DefenderApi,
} from '../index';
import {
  componentEntity,
  healthyConnector,
  responseWith,
} from '../__fixtures__/defenderResponses';
import { finding } from '../__fixtures__/findings';
import { answerFindings } from '../__fixtures__/findingsBackend';

// Test apps render slowly on a busy shared machine; the default 5 s is not about behaviour.
jest.setTimeout(20_000);

const api = {
  listAllowedSubscriptions: jest.fn(),
  getEntityDefender: jest.fn(async () =>
    responseWith([healthyConnector('acme')]),
  ),
  listConnectors: jest.fn(async () => ({
    items: [healthyConnector('umbrella')],
    totalCount: 1,
    limit: 20,
    offset: 0,
  })),
  listConnectorOwners: jest.fn(async () => []),
  refreshConnector: jest.fn(),
  getEntityFindings: jest.fn(async (_ref, request) =>
    answerFindings([finding()], request),
  ),
  getEntityRollup: jest.fn(),
  getOwnerRollup: jest.fn(),
} as DefenderApi;

/** The few lines the README asks a legacy app to add to its EntityPage. */
function LegacyEntityOverview(props: { entity: Entity }) {
  return (
    <EntityProvider entity={props.entity}>
      <EntitySwitch>
        <EntitySwitch.Case if={isDefenderForContainersAvailable}>
          <EntityDefenderForContainersCard />
        </EntitySwitch.Case>
      </EntitySwitch>
    </EntityProvider>
  );
}

/** What the catalog's entity page links to: the catalog and entities. */
const ENTITY_PAGE_ROUTES = {
  '/catalog': catalogPlugin.routes.catalogIndex,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

/** The entity page the README asks a legacy app to add the tab to. */
function LegacyEntityPage(props: { entity: Entity }) {
  return (
    <EntityProvider entity={props.entity}>
      <EntityLayout>
        <EntityLayout.Route path="/" title="Overview">
          <span>overview</span>
        </EntityLayout.Route>
        <EntityLayout.Route
          path="/defender-findings"
          title="Findings"
          if={isDefenderForContainersAvailable}
        >
          <EntityDefenderFindingsContent />
        </EntityLayout.Route>
      </EntityLayout>
    </EntityProvider>
  );
}

const apis = [
  [defenderApiRef, api],
  [permissionApiRef, new MockPermissionApi()],
  [catalogApiRef, catalogApiMock()],
  // the legacy entity page's header stars the entity
  [starredEntitiesApiRef, new MockStarredEntitiesApi()],
] as const;

describe('legacy frontend system exports', () => {
  it('are a createPlugin plugin under the shared id, with the Defender API', () => {
    expect(defenderForContainersPlugin.getId()).toBe('defender-for-containers');
    expect(
      [...defenderForContainersPlugin.getApis()].map(f => f.api.id),
    ).toEqual(['plugin.defender-for-containers.service']);
  });

  it('show the card through EntitySwitch on an annotated entity', async () => {
    await renderInTestApp(
      <TestApiProvider apis={apis}>
        <LegacyEntityOverview
          entity={componentEntity('payments-api', {
            'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
          })}
        />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('Docker Hub acme')).toBeInTheDocument();
    expect(screen.getByText('Healthy')).toBeInTheDocument();
  });

  it('hide the card through EntitySwitch on an entity without annotations', async () => {
    await renderInTestApp(
      <TestApiProvider apis={apis}>
        <LegacyEntityOverview entity={componentEntity('docs-site')} />
        <span>entity page</span>
      </TestApiProvider>,
    );
    expect(await screen.findByText('entity page')).toBeInTheDocument();
    expect(
      screen.queryByText('Defender for Containers'),
    ).not.toBeInTheDocument();
  });

  it('show the Findings tab on an annotated entity’s page, its filters in the URL', async () => {
    await renderInTestApp(
      <TestApiProvider apis={apis}>
        <Routes>
          <Route
            path="/catalog/:namespace/:kind/:name/*"
            element={
              <LegacyEntityPage
                entity={componentEntity('payments-api', {
                  'microsoft.com/defender-dockerhub-repository':
                    'acme/payments-api',
                })}
              />
            }
          />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: [
          '/catalog/default/component/payments-api/defender-findings?severity=Critical',
        ],
        mountedRoutes: ENTITY_PAGE_ROUTES,
      },
    );
    expect(
      await screen.findByRole('link', { name: /CVE-2026-0001/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Findings' })).toBeInTheDocument();
    expect(api.getEntityFindings).toHaveBeenLastCalledWith(
      { kind: 'component', namespace: 'default', name: 'payments-api' },
      { severity: ['Critical'], sort: 'severity', order: 'asc', limit: 25 },
    );
  });

  it('hide the Findings tab on an entity without annotations', async () => {
    await renderInTestApp(
      <TestApiProvider apis={apis}>
        <Routes>
          <Route
            path="/catalog/:namespace/:kind/:name/*"
            element={<LegacyEntityPage entity={componentEntity('docs-site')} />}
          />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/catalog/default/component/docs-site'],
        mountedRoutes: ENTITY_PAGE_ROUTES,
      },
    );
    expect(await screen.findByText('overview')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Findings' })).toBeNull();
  });

  it('show what to annotate when the card is placed without the switch', async () => {
    await renderInTestApp(
      <TestApiProvider apis={apis}>
        <EntityProvider entity={componentEntity('docs-site')}>
          <EntityDefenderForContainersCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/names no Docker Hub organization or repository/),
    ).toBeInTheDocument();
  });

  it('lead "Onboard" where the app binds the onboarding route, and name the template without one', async () => {
    const missing = {
      ...api,
      getEntityDefender: jest.fn(async () =>
        responseWith([
          { status: 'missing' as const, organization: 'globex', message: '' },
        ]),
      ),
    };
    const globex = componentEntity('globex-svc', {
      'microsoft.com/defender-dockerhub-organization': 'globex',
    });
    const card = (
      <TestApiProvider apis={[[defenderApiRef, missing], ...apis.slice(1)]}>
        <LegacyEntityOverview entity={globex} />
      </TestApiProvider>
    );
    const { unmount } = await renderInTestApp(card, {
      mountedRoutes: {
        '/create/templates/:namespace/:templateName':
          legacyOnboardingTemplateRouteRef,
      },
    });
    expect(
      await screen.findByRole('link', { name: 'Onboard globex to Defender' }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^\/create\/templates\/default\/defender-onboard-dockerhub\?formData=/,
      ),
    );
    unmount();

    await renderInTestApp(card);
    expect(
      await screen.findByText(/onboarding template defender-onboard-dockerhub/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Onboard globex/ })).toBeNull();
  });

  it('offer the Azure target picker as a scaffolder field extension', () => {
    expect(defenderForContainersPlugin.externalRoutes).toEqual({
      onboardingTemplate: legacyOnboardingTemplateRouteRef,
      rotateTemplate: legacyRotateTemplateRouteRef,
    });
    expect(
      getComponentData(
        <DefenderAzureTargetPickerFieldExtension />,
        'scaffolder.extensions.field.v1',
      ),
    ).toMatchObject({
      name: 'DefenderAzureTargetPicker',
      component: expect.any(Function),
      validation: expect.any(Function),
    });
  });

  it('render the overview page with its own header', async () => {
    await renderInTestApp(
      <TestApiProvider apis={apis}>
        {/* as a legacy App's routes mount it */}
        <Routes>
          <Route path="/*" element={<DefenderForContainersPage />} />
        </Routes>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByRole(
        'link',
        { name: 'umbrella' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Defender for Containers' }),
    ).toBeInTheDocument();
  });
});
