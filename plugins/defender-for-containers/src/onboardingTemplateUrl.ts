/** Where this repository's onboarding template is, relative to the app. */
export const DEFAULT_ONBOARDING_TEMPLATE_PATH =
  '/create/templates/default/defender-onboard-dockerhub';

/**
 * The onboarding template's form, prefilled with the organization: the scaffolder reads a
 * `formData` query parameter as JSON, and the template's parameter is named `organization`.
 */
export function onboardingTemplateUrl(
  organization: string,
  templatePath: string = DEFAULT_ONBOARDING_TEMPLATE_PATH,
): string {
  const formData = encodeURIComponent(JSON.stringify({ organization }));
  return `${templatePath}?formData=${formData}`;
}
