import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  DEFAULT_ONBOARDING_TEMPLATE,
  onboardingHrefFrom,
} from '../../onboardingTemplateUrl';
import { onboardingTemplateRouteRef } from '../../routes';
import { DefenderCard, type DefenderCardProps } from './DefenderCard';

/** The card in the new frontend system: the onboarding link from the plugin's external route. */
export function EntityDefenderCard(props: DefenderCardProps) {
  const route = useRouteRef(onboardingTemplateRouteRef);
  const template = props.onboardingTemplate ?? DEFAULT_ONBOARDING_TEMPLATE;
  return (
    <DefenderCard
      title={props.title}
      onboardingTemplate={template}
      onboardingHref={onboardingHrefFrom(route, template)}
    />
  );
}
