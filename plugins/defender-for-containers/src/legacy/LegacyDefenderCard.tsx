import { useRouteRef } from '@backstage/core-plugin-api';
import {
  DefenderCard,
  type DefenderCardProps,
} from '../components/DefenderCard/DefenderCard';
import {
  DEFAULT_ONBOARDING_TEMPLATE,
  onboardingHrefFrom,
} from '../onboardingTemplateUrl';
import { legacyOnboardingTemplateRouteRef } from './routes';

/** The card in a legacy app: the onboarding link from the app's `bindRoutes`. */
export function LegacyDefenderCard(props: DefenderCardProps) {
  const route = useRouteRef(legacyOnboardingTemplateRouteRef);
  const template = props.onboardingTemplate ?? DEFAULT_ONBOARDING_TEMPLATE;
  return (
    <DefenderCard
      title={props.title}
      onboardingTemplate={template}
      onboardingHref={onboardingHrefFrom(route, template)}
    />
  );
}
