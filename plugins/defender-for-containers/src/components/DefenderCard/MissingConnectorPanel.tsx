import AddIcon from '@material-ui/icons/Add';
import { ButtonLink, Flex, Text } from '@backstage/ui';
import type { MissingConnector } from '@defender-backstage/plugin-defender-for-containers-common';
import type { OnboardingHref } from '../../onboardingTemplateUrl';
import { SecondaryText } from '../theme/SecondaryText';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { ConnectorHeading } from './ConnectorHeading';

/**
 * An organization (or connector id) the entity names, for which Backstage found no connector:
 * for an organization, the way to onboard it, with the onboarding form prefilled. Written from
 * the answer's fields, not the backend's English sentence, so it reads in the app's language.
 */
export function MissingConnectorPanel(props: {
  missing: MissingConnector;
  /** Backstage has read Azure at least once (`refreshedAt` of the answer). */
  azureRead: boolean;
  onboardingHref: OnboardingHref;
  onboardingTemplate: string;
}) {
  const { t } = useDefenderTranslation();
  const { missing, azureRead } = props;
  const organization = missing.organization;
  const name = organization
    ? t('card.connectorHeading', { organization })
    : t('card.connectorIdHeading', {
        name: missing.id?.split('/').pop() ?? '',
      });
  const href = organization ? props.onboardingHref(organization) : undefined;
  return (
    <section aria-label={name}>
      <ConnectorHeading title={name} status="missing" />
      <Flex direction="column" gap="2" mt="2" align="start">
        <Text as="p" variant="body-medium">
          {organization
            ? t('missing.organization', { organization })
            : t('missing.connectorId')}{' '}
          {!azureRead && t('missing.notReadYet')}
        </Text>
        {organization && href && (
          <ButtonLink
            variant="primary"
            size="small"
            href={href}
            iconStart={<AddIcon fontSize="small" />}
          >
            {t('missing.onboard', { organization })}
          </ButtonLink>
        )}
        {organization && !href && (
          <SecondaryText as="p" variant="body-medium">
            {t('missing.noTemplateRoute', {
              template: props.onboardingTemplate,
            })}
          </SecondaryText>
        )}
      </Flex>
    </section>
  );
}
