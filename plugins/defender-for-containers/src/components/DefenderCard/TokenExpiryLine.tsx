import { createContext, useContext } from 'react';
import { Alert, Link, Text } from '@backstage/ui';
import type { ConnectorHealth } from '@defender-backstage/plugin-defender-for-containers-common';
import type { OnboardingHref } from '../../onboardingTemplateUrl';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';

/**
 * Where "Rotate the token" leads for an organization, from the card's wrapper (the rotation
 * template's external route); undefined when the app has no route to it.
 */
export const RotateHrefContext = createContext<OnboardingHref | undefined>(
  undefined,
);

/**
 * When the connector's Docker Hub token expires, from 30 days before: plain text while it is
 * `soon`, a warning from 14 days, an error once expired (the backend's issue says so too); with
 * a link to the rotation template, prefilled with the organization. Nothing otherwise.
 */
export function TokenExpiryLine(props: { connector: ConnectorHealth }) {
  const { t } = useDefenderTranslation();
  const rotateHref = useContext(RotateHrefContext);
  const { tokenExpiry, organization } = props.connector;
  if (!tokenExpiry || tokenExpiry.stage === 'none') return null;
  const { stage, expiresOn, daysLeft } = tokenExpiry;
  const text =
    stage === 'expired'
      ? t('card.tokenExpired', { date: expiresOn })
      : t('card.tokenExpiresIn', { count: daysLeft, date: expiresOn });
  const href = rotateHref?.(organization);
  const link = href && (
    <Link href={href} variant="body-medium">
      {t('card.rotateToken')}
    </Link>
  );
  if (stage === 'soon') {
    return (
      <Text
        as="p"
        variant="body-medium"
        style={{ marginTop: 12 }}
        data-token-expiry={stage}
      >
        {text}
        {link && <> · {link}</>}
      </Text>
    );
  }
  return (
    <Alert
      status={stage === 'expired' ? 'danger' : 'warning'}
      icon
      mt="3"
      data-token-expiry={stage}
      title={text}
      customActions={link}
    />
  );
}
