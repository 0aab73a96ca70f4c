import { useCallback, useEffect, useMemo, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  connectorRefreshPermission,
  isDefenderForContainersAvailable,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { defenderApiRef } from '../../api/DefenderApi';
import type { OnboardingHref } from '../../onboardingTemplateUrl';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { describeError } from '../format/describeError';
import { ConnectorsCard } from './ConnectorsCard';

export { COLLAPSE_AFTER } from './ConnectorsCard';
import { LoadError } from './LoadError';
import { MissingAnnotation } from './MissingAnnotation';
import { RotateHrefContext } from './TokenExpiryLine';

/** @public */
export interface DefenderCardProps {
  /** Card title; default "Defender for Containers" in the app's language. */
  title?: string;
  /**
   * Name of the software template (namespace `default`) that "Onboard <organization>" opens,
   * prefilled; default `defender-onboard-dockerhub`.
   */
  onboardingTemplate?: string;
  /**
   * Name of the software template (namespace `default`) that "Rotate the token" opens,
   * prefilled with the organization; default `defender-rotate-dockerhub-token`.
   */
  rotateTemplate?: string;
}

/** What both frontend systems' wrappers hand the card: the resolved onboarding links. */
export interface DefenderCardViewProps {
  title?: string;
  onboardingTemplate: string;
  onboardingHref: OnboardingHref;
  /** Where "Rotate the token" leads; without it the expiry line has no link. */
  rotateHref?: OnboardingHref;
}

function LoadingDefenderCard(props: {
  entity: Entity;
  title: string;
  onboardingTemplate: string;
  onboardingHref: OnboardingHref;
}) {
  const { entity, title } = props;
  const { t } = useDefenderTranslation();
  const api = useApi(defenderApiRef);
  // Keyed by the ref, not the entity object: the catalog hands a new object on every refresh.
  const ownRef = stringifyEntityRef(entity).toLowerCase();
  const entityRef = useMemo(() => parseEntityRef(ownRef), [ownRef]);
  const load = useAsyncRetry(
    () => api.getEntityDefender(entityRef),
    [api, entityRef],
  );
  // A refresh replaces the loaded answer with the one in which it landed.
  const [refreshed, setRefreshed] = useState<EntityDefenderResponse>();
  useEffect(() => setRefreshed(undefined), [entityRef, load.value]);
  const onResponse = useCallback(
    (r: EntityDefenderResponse) => setRefreshed(r),
    [],
  );
  const { allowed: canRefresh } = usePermission({
    permission: connectorRefreshPermission,
  });

  if (load.loading || load.error || !load.value) {
    return (
      <EntityInfoCard title={title}>
        {load.loading ? (
          <Progress aria-label={t('card.loading')} />
        ) : (
          load.error && (
            <LoadError error={describeError(load.error)} onRetry={load.retry} />
          )
        )}
      </EntityInfoCard>
    );
  }
  return (
    <ConnectorsCard
      title={title}
      response={refreshed ?? load.value}
      entityRef={entityRef}
      ownRef={ownRef}
      canRefresh={canRefresh}
      onResponse={onResponse}
      onboardingTemplate={props.onboardingTemplate}
      onboardingHref={props.onboardingHref}
    />
  );
}

/**
 * The entity card: the Defender for Containers connectors of the Docker Hub organizations and
 * repositories the entity names, their health, what is wrong and how to fix it, findings and
 * trend, in the About card's shell (`EntityInfoCard`). Works in both frontend systems (it reads
 * the entity from `useEntity`); their wrappers resolve the onboarding route.
 */
export function DefenderCard(props: DefenderCardViewProps) {
  const { entity } = useEntity();
  const { t } = useDefenderTranslation();
  const title = props.title ?? t('card.title');
  if (!isDefenderForContainersAvailable(entity)) {
    return (
      <EntityInfoCard title={title}>
        <MissingAnnotation entity={entity} />
      </EntityInfoCard>
    );
  }
  return (
    <RotateHrefContext.Provider value={props.rotateHref}>
      <LoadingDefenderCard
        entity={entity}
        title={title}
        onboardingTemplate={props.onboardingTemplate}
        onboardingHref={props.onboardingHref}
      />
    </RotateHrefContext.Provider>
  );
}
