import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  DEFAULT_ONBOARDING_TEMPLATE,
  DEFAULT_ROTATE_TEMPLATE,
  onboardingHrefFrom,
} from '../../onboardingTemplateUrl';
import {
  onboardingTemplateRouteRef,
  rotateTemplateRouteRef,
} from '../../routes';
import { DefenderCard, type DefenderCardProps } from './DefenderCard';

/** The card in the new frontend system: the template links from the plugin's external routes. */
export function EntityDefenderCard(props: DefenderCardProps) {
  const route = useRouteRef(onboardingTemplateRouteRef);
  const template = props.onboardingTemplate ?? DEFAULT_ONBOARDING_TEMPLATE;
  const rotateRoute = useRouteRef(rotateTemplateRouteRef);
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
