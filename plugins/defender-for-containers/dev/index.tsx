import ReactDOM from 'react-dom/client';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Content } from '@backstage/core-components';
import { createApp } from '@backstage/frontend-defaults';
import {
  ApiBlueprint,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import plugin, { defenderApiRef } from '../src';
import { DefenderCard } from '../src/components/DefenderCard/DefenderCard';
import { fakeDefenderApi, STATES } from './fakeDefenderApi';

// `yarn start` in this folder: every card state and the overview page against a fake API, no
// backend (the catalog plugin is there for its entity routes, which the card links to).
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
          <Content>
            <Grid container spacing={3}>
              {STATES.map(s => (
                <Grid item xs={12} md={6} key={s.title}>
                  <Typography variant="overline">{s.title}</Typography>
                  <EntityProvider entity={s.entity}>
                    <DefenderCard />
                  </EntityProvider>
                </Grid>
              ))}
            </Grid>
          </Content>
        ),
      },
    }),
  ],
});

const permissionModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
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
  features: [catalogPlugin, plugin, devModule, permissionModule],
});
ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
