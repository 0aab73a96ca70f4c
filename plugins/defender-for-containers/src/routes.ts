import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/**
 * The overview page of all connectors (new frontend system).
 * @public
 */
export const rootRouteRef = createRouteRef();

/**
 * Where "Onboard <organization>" leads: a software template's page, by default the scaffolder's
 * (`scaffolder.selectedTemplate`). Apps without the scaffolder, or with their own template page,
 * bind it elsewhere in `app.routes.bindings`.
 * @public
 */
export const onboardingTemplateRouteRef = createExternalRouteRef({
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});

/**
 * Where "Rotate the token" leads when a connector's Docker Hub token is about to expire: the
 * rotation template's page, by default the scaffolder's (`scaffolder.selectedTemplate`). Bound
 * like `onboardingTemplate`.
 * @public
 */
export const rotateTemplateRouteRef = createExternalRouteRef({
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
