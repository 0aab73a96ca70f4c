/** The onboarding template of this repository's templates package. */
export const DEFAULT_ONBOARDING_TEMPLATE = 'defender-onboard-dockerhub';

/** The token rotation template of this repository's templates package. */
export const DEFAULT_ROTATE_TEMPLATE = 'defender-rotate-dockerhub-token';

/**
 * The onboarding template's form, prefilled with the organization: the scaffolder reads a
 * `formData` query parameter as JSON, and the template's parameter is named `organization`.
 * `templateHref` is where the app's route to the template leads (the external route).
 */
export function onboardingTemplateUrl(
  templateHref: string,
  organization: string,
): string {
  const formData = encodeURIComponent(JSON.stringify({ organization }));
  return `${templateHref}?formData=${formData}`;
}

/** Where "Onboard <organization>" leads, or nothing when the app has no route to the template. */
export type OnboardingHref = (organization: string) => string | undefined;

/** An `OnboardingHref` from the app's route to a template (`namespace`, `templateName`). */
export function onboardingHrefFrom(
  route:
    | ((params: { namespace: string; templateName: string }) => string)
    | undefined,
  templateName: string,
): OnboardingHref {
  return organization =>
    route
      ? onboardingTemplateUrl(
          route({ namespace: 'default', templateName }),
          organization,
        )
      : undefined;
}
