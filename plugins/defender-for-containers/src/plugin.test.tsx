import { screen } from '@testing-library/react';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import alphaPlugin from './alpha';
import plugin, {
  DefenderClient,
  defenderApiRef,
  defenderForContainersTranslationRef,
  onboardingTemplateRouteRef,
  rotateTemplateRouteRef,
} from './index';
import {
  componentEntity,
  connectorIdOf,
  healthyConnector,
  responseWith,
} from './__fixtures__/defenderResponses';
import { defenderApiWith } from './__fixtures__/defenderApiWith';

// Test apps render slowly on a busy shared machine; the default 5 s is not about behaviour.
jest.setTimeout(20_000);

const CARD = 'entity-card:defender-for-containers/connectors';
const PAGE = 'page:defender-for-containers';

describe('defender-for-containers frontend plugin (new frontend system)', () => {
  it('is the default export under the shared plugin id, also at ./alpha', () => {
    expect(plugin.pluginId).toBe('defender-for-containers');
    // the same object, so an app discovering both entry points installs it once
    expect(alphaPlugin).toBe(plugin);
  });

  it('provides the Defender API: its ref, built as a DefenderClient from discovery and fetch', () => {
    const factory = createExtensionTester(
      plugin.getExtension('api:defender-for-containers'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(factory.api).toBe(defenderApiRef);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/x' },
      fetchApi: { fetch: async () => new Response('{}') },
    });
    expect(client).toBeInstanceOf(DefenderClient);
  });

  it('puts the entity card in the main column, only on entities with a Defender annotation', () => {
    const tester = createExtensionTester(plugin.getExtension(CARD));
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(
      filter(
        componentEntity('payments-api', {
          'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
        }),
      ),
    ).toBe(true);
    expect(
      filter(
        componentEntity('legacy-billing', {
          'microsoft.com/defender-dockerhub-organization': 'initech',
        }),
      ),
    ).toBe(true);
    // the catalog provider's connector Resources
    expect(
      filter({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'defender-dockerhub-acme',
          annotations: {
            'microsoft.com/defender-connector-id': connectorIdOf('acme'),
          },
        },
        spec: { type: 'defender-connector', owner: 'guests' },
      }),
    ).toBe(true);
    expect(filter(componentEntity('docs-site'))).toBe(false);
  });

  it('lets app-config replace the card’s filter, e.g. to every Component', () => {
    const tester = createExtensionTester(plugin.getExtension(CARD), {
      config: { filter: { kind: 'component' } },
    });
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(componentEntity('docs-site'))).toBe(true);
  });

  it('renders the card for the entity in context, lazily', async () => {
    const getEntityDefender = jest.fn(async () =>
      responseWith([healthyConnector('acme')]),
    );
    const element = createExtensionTester(
      plugin.getExtension(CARD),
    ).reactElement();
    renderInTestApp(
      <EntityProvider
        entity={componentEntity('payments-api', {
          'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
        })}
      >
        {element}
      </EntityProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        apis: [
          [defenderApiRef, defenderApiWith({ getEntityDefender })],
          mockApis.permission(),
        ],
      },
    );
    expect(await screen.findByText('Docker Hub acme')).toBeInTheDocument();
    expect(getEntityDefender).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'payments-api',
    });
  });

  it('leads "Onboard" to the configured template, through the external route', async () => {
    const element = createExtensionTester(plugin.getExtension(CARD), {
      config: { onboardingTemplate: 'platform-onboard' },
    }).reactElement();
    renderInTestApp(
      <EntityProvider
        entity={componentEntity('x', {
          'microsoft.com/defender-dockerhub-organization': 'globex',
        })}
      >
        {element}
      </EntityProvider>,
      {
        mountedRoutes: {
          '/create/templates/:namespace/:templateName':
            onboardingTemplateRouteRef,
        },
        apis: [
          [
            defenderApiRef,
            defenderApiWith({
              getEntityDefender: async () =>
                responseWith([
                  {
                    status: 'missing',
                    organization: 'globex',
                    message: 'none',
                  },
                ]),
            }),
          ],
          mockApis.permission(),
        ],
      },
    );
    expect(
      await screen.findByRole('link', { name: /Onboard globex/ }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^\/create\/templates\/default\/platform-onboard\?formData=/,
      ),
    );
  });

  it('leads "Rotate the token" to the configured template, through its external route', async () => {
    const element = createExtensionTester(plugin.getExtension(CARD), {
      config: { rotateTemplate: 'platform-rotate' },
    }).reactElement();
    renderInTestApp(
      <EntityProvider
        entity={componentEntity('x', {
          'microsoft.com/defender-dockerhub-organization': 'acme',
        })}
      >
        {element}
      </EntityProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/create/templates/:namespace/:templateName': rotateTemplateRouteRef,
        },
        apis: [
          [
            defenderApiRef,
            defenderApiWith({
              getEntityDefender: async () =>
                responseWith([
                  healthyConnector('acme', {
                    tokenExpiry: {
                      expiresOn: '2026-04-15',
                      daysLeft: 14,
                      stage: 'warning',
                    },
                  }),
                ]),
            }),
          ],
          mockApis.permission(),
        ],
      },
    );
    expect(
      await screen.findByRole('link', { name: 'Rotate the token' }),
    ).toHaveAttribute(
      'href',
      `/create/templates/default/platform-rotate?formData=${encodeURIComponent(
        JSON.stringify({ organization: 'acme' }),
      )}`,
    );
  });

  it('adds the overview page at /defender-for-containers with a title and an icon for the sidebar', async () => {
    // the same APIs for the extension tester and for the app it renders in
    const apis = [
      [
        defenderApiRef,
        defenderApiWith({
          listConnectors: async () => ({
            items: [healthyConnector('acme')],
            totalCount: 1,
            limit: 20,
            offset: 0,
          }),
        }),
      ],
      [catalogApiRef, catalogApiMock()],
      // the page's title is a message, resolved in the app's language
      mockApis.translation(),
    ] as const;
    const tester = createExtensionTester(plugin.getExtension(PAGE), { apis });
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/defender-for-containers',
    );
    // translated: the sidebar and the header say it in the app's language
    expect(tester.get(coreExtensionData.titleTranslation)).toMatchObject({
      ref: defenderForContainersTranslationRef,
      key: 'page.title',
    });
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    renderInTestApp(tester.reactElement(), {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis,
    });
    expect(
      await screen.findByRole('link', { name: 'acme' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    // the page layout draws the header from the page's title
    expect(
      screen.getByRole('heading', { name: 'Defender' }),
    ).toBeInTheDocument();
  });

  it('provides the scaffolder form field the templates use as ui:field: DefenderAzureTargetPicker', async () => {
    const loadField = createExtensionTester(
      plugin.getExtension(
        'scaffolder-form-field:defender-for-containers/azure-target-picker',
      ),
    ).get(FormFieldBlueprint.dataRefs.formFieldLoader);
    await expect(loadField()).resolves.toMatchObject({
      name: 'DefenderAzureTargetPicker',
      component: expect.any(Function),
      validation: expect.any(Function),
    });
  });
});
