import {
  ApiBlueprint,
  coreApis,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { isDefenderForContainersAvailable } from '@defender-backstage/plugin-defender-for-containers-common';
import { z } from 'zod/v4';
import { defenderApiRef } from './api/DefenderApi';
import { DefenderClient } from './api/DefenderClient';
import { defenderIcon } from './components/DefenderIcon';
import {
  DEFAULT_ONBOARDING_TEMPLATE,
  DEFAULT_ROTATE_TEMPLATE,
} from './onboardingTemplateUrl';
import {
  onboardingTemplateRouteRef,
  rootRouteRef,
  rotateTemplateRouteRef,
} from './routes';
import { defenderRollupEntityCard } from './rollupExtensions';
import { defenderForContainersTranslationRef } from './translation/defenderForContainersTranslationRef';

const defenderApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: defenderApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new DefenderClient(deps),
    }),
});

/** The template "Onboard <organization>" opens: its name only, the route says where templates are. */
const onboardingTemplateConfig = z
  .string()
  .default(DEFAULT_ONBOARDING_TEMPLATE);

/** The template "Rotate the token" opens, named like the onboarding one. */
const rotateTemplateConfig = z.string().default(DEFAULT_ROTATE_TEMPLATE);

/**
 * `entity-card:defender-for-containers/connectors`: on entities with a Defender annotation
 * (the connector Resources carry one), in the overview's main column. Its `filter` can be
 * overridden in app-config, e.g. to show the card, and so what to annotate, on every Component.
 */
const defenderEntityCard = EntityCardBlueprint.makeWithOverrides({
  name: 'connectors',
  configSchema: {
    onboardingTemplate: onboardingTemplateConfig,
    rotateTemplate: rotateTemplateConfig,
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      type: 'content',
      filter: isDefenderForContainersAvailable,
      loader: () =>
        import('./components/DefenderCard/EntityDefenderCard').then(m => (
          <m.EntityDefenderCard
            onboardingTemplate={config.onboardingTemplate}
            rotateTemplate={config.rotateTemplate}
          />
        )),
    });
  },
});

/**
 * `entity-content:defender-for-containers/findings`: the entity page's Findings tab at
 * `…/defender-findings` (the card's "All findings" leads there), on the same entities as the card.
 * Its title is a message, so the tab is named in the app's language.
 */
const defenderFindingsEntityContent = EntityContentBlueprint.make({
  name: 'findings',
  params: {
    path: 'defender-findings',
    title: defenderForContainersTranslationRef('findingsTab.title'),
    filter: isDefenderForContainersAvailable,
    loader: () =>
      import('./components/FindingsTab/EntityDefenderFindingsContent').then(
        m => <m.EntityDefenderFindingsContent />,
      ),
  },
});

/** `page:defender-for-containers`: every connector; its title and icon put it in the sidebar. */
const defenderOverviewPage = PageBlueprint.makeWithOverrides({
  configSchema: { onboardingTemplate: onboardingTemplateConfig },
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/defender-for-containers',
      routeRef: rootRouteRef,
      // Short enough for the sidebar; the page says what it is about.
      title: defenderForContainersTranslationRef('page.title'),
      icon: defenderIcon,
      loader: () =>
        import('./components/ConnectorsOverview/ConnectorsOverviewPage').then(
          m => (
            <m.ConnectorsOverviewPage
              onboardingTemplate={config.onboardingTemplate}
            />
          ),
        ),
    });
  },
});

const azureTargetPickerField = FormFieldBlueprint.make({
  name: 'azure-target-picker',
  params: {
    field: () =>
      import('./components/DefenderAzureTargetPicker/field').then(
        m => m.defenderAzureTargetPickerField,
      ),
  },
});

/**
 * The Defender for Containers frontend plugin (new frontend system): the API client, the entity
 * card, the entity page's Findings tab, the connectors overview page and the onboarding form's
 * Azure target picker.
 *
 * @public
 */
export const defenderForContainersFrontendPlugin = createFrontendPlugin({
  pluginId: 'defender-for-containers',
  title: 'Defender for Containers',
  icon: defenderIcon,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  externalRoutes: {
    onboardingTemplate: onboardingTemplateRouteRef,
    rotateTemplate: rotateTemplateRouteRef,
  },
  extensions: [
    defenderApi,
    defenderEntityCard,
    defenderRollupEntityCard,
    defenderFindingsEntityContent,
    defenderOverviewPage,
    azureTargetPickerField,
  ],
});
