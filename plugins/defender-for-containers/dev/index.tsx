import ReactDOM from 'react-dom/client';
import { Container, Text } from '@backstage/ui';
import { createApp } from '@backstage/frontend-defaults';
import {
  ApiBlueprint,
  createExtension,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import plugin, { defenderApiRef } from '../src';
import { EntityDefenderCard } from '../src/components/DefenderCard/EntityDefenderCard';
import { fakeDefenderApi, STATES } from './fakeDefenderApi';
import { FindingsTabDevPage } from './FindingsTabDevPage';

// `yarn start` in this folder: every card state, the Findings tab of several entities
// (`/findings-tab`) and the overview page against a fake API, no backend (the catalog plugin is
// there for its entity routes, which the card links to).
// @backstage/frontend-dev-utils is not yet published for the frontend-plugin-api line used here.
const devModule = createFrontendModule({
  pluginId: 'defender-for-containers',
  extensions: [
    // Same id as the plugin's API: this module's fake replaces the real client.
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: defenderApiRef,
          deps: {},
          factory: () => fakeDefenderApi,
        }),
    }),
    PageBlueprint.make({
      name: 'card-states',
      params: {
        path: '/card-states',
        title: 'Card states',
        loader: async () => (
          <Container my="4">
            {/* as many columns of cards as fit */}
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))',
                gap: 24,
              }}
            >
              {STATES.map(s => (
                <div key={s.title} style={{ minWidth: 0 }}>
                  <Text as="h2" variant="title-x-small">
                    {s.title}
                  </Text>
                  <EntityProvider entity={s.entity}>
                    <EntityDefenderCard />
                  </EntityProvider>
                </div>
              ))}
            </div>
          </Container>
        ),
      },
    }),
    PageBlueprint.make({
      name: 'findings-tab',
      params: {
        path: '/findings-tab',
        title: 'Findings tab',
        loader: async () => <FindingsTabDevPage />,
      },
    }),
  ],
});

// No backend, so no sign-in: the app's sign-in page (same id) is switched off, and the fake
// permission API allows everything, Refresh included.
const appModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    createExtension({
      kind: 'sign-in-page',
      attachTo: { id: 'app/root', input: 'signInPage' },
      disabled: true,
      output: [],
      factory: () => [],
    }),
    ApiBlueprint.make({
      name: 'permission',
      params: defineParams =>
        defineParams({
          api: permissionApiRef,
          deps: {},
          factory: () => ({
            authorize: async () => ({ result: AuthorizeResult.ALLOW }),
          }),
        }),
    }),
  ],
});

const app = createApp({
  features: [catalogPlugin, plugin, devModule, appModule],
});
ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
