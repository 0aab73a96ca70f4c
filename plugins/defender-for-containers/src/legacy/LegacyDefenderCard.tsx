import { useRouteRef } from '@backstage/core-plugin-api';
import {
  DefenderCard,
  type DefenderCardProps,
} from '../components/DefenderCard/DefenderCard';
import {
  DEFAULT_ONBOARDING_TEMPLATE,
  DEFAULT_ROTATE_TEMPLATE,
  onboardingHrefFrom,
} from '../onboardingTemplateUrl';
import {
  legacyOnboardingTemplateRouteRef,
  legacyRotateTemplateRouteRef,
} from './routes';

/** The card in a legacy app: the onboarding link from the app's `bindRoutes`. */
export function LegacyDefenderCard(props: DefenderCardProps) {
  const route = useRouteRef(legacyOnboardingTemplateRouteRef);
  const template = props.onboardingTemplate ?? DEFAULT_ONBOARDING_TEMPLATE;
  const rotateRoute = useRouteRef(legacyRotateTemplateRouteRef);
  const rotateTemplate = props.rotateTemplate ?? DEFAULT_ROTATE_TEMPLATE;
  return (
    <DefenderCard
      title={props.title}
      onboardingTemplate={template}
      onboardingHref={onboardingHrefFrom(route, template)}
      rotateHref={onboardingHrefFrom(rotateRoute, rotateTemplate)}
    />
  );
}
