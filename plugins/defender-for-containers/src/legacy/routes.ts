import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/**
 * Where an app built on the legacy frontend system mounts `DefenderForContainersPage`.
 * @public
 */
export const defenderForContainersRouteRef = createRouteRef({
  id: 'defender-for-containers',
});

/**
 * The legacy app's route to a software template, for "Onboard <organization>": bind it to
 * `scaffolderPlugin.routes.selectedTemplate` in `bindRoutes`. Optional, so an app that has not
 * bound it still starts; the card then names the template instead of linking to it.
 * @public
 */
export const legacyOnboardingTemplateRouteRef = createExternalRouteRef({
  id: 'defender-for-containers-onboarding-template',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});

/**
 * The legacy app's route to a software template, for "Rotate the token": bind it to
 * `scaffolderPlugin.routes.selectedTemplate` in `bindRoutes`. Optional like the onboarding one;
 * unbound, the card shows the expiry without the link.
 * @public
 */
export const legacyRotateTemplateRouteRef = createExternalRouteRef({
  id: 'defender-for-containers-rotate-template',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
