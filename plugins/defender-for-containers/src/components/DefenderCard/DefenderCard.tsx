import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  connectorEntityRef,
  connectorRefreshPermission,
  isConnectorHealth,
  isDefenderForContainersAvailable,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import useAsync from 'react-use/esm/useAsync';
import { defenderApiRef } from '../../api/DefenderApi';
import { describeError } from '../format/describeError';
import { ConnectorPanel } from './ConnectorPanel';
import { IgnoredAnnotations } from './IgnoredAnnotations';
import { LoadError } from './LoadError';
import { MissingAnnotation } from './MissingAnnotation';
import { MissingConnectorPanel } from './MissingConnectorPanel';
import { RestrictedConnectorPanel } from './RestrictedConnectorPanel';

/** @public */
export interface DefenderCardProps {
  /** Card title; default "Defender for Containers". */
  title?: string;
  /**
   * App path of the onboarding template offered for organizations without a connector;
   * default `/create/templates/default/defender-onboard-dockerhub`.
   */
  onboardingTemplatePath?: string;
}

/** More connectors than this, and each starts as one line that opens on demand. */
export const COLLAPSE_AFTER = 3;

const useStyles = makeStyles(theme => ({
  divider: { margin: theme.spacing(3, 0) },
  compactDivider: { margin: theme.spacing(1.5, 0) },
  ignored: { marginTop: theme.spacing(3) },
}));

function DefenderCardBody(props: {
  entity: Entity;
  onboardingTemplatePath?: string;
}) {
  const classes = useStyles();
  const { entity, onboardingTemplatePath } = props;
  const api = useApi(defenderApiRef);
  // Keyed by the ref, not the entity object: the catalog hands a new object on every refresh.
  const ownRef = stringifyEntityRef(entity).toLowerCase();
  const entityRef = useMemo(() => parseEntityRef(ownRef), [ownRef]);
  const load = useAsync(
    () => api.getEntityDefender(entityRef),
    [api, entityRef],
  );
  // A refresh replaces the loaded answer with the one in which it landed.
  const [refreshed, setRefreshed] = useState<EntityDefenderResponse>();
  useEffect(() => setRefreshed(undefined), [entityRef]);
  const onResponse = useCallback(
    (r: EntityDefenderResponse) => setRefreshed(r),
    [],
  );
  const { allowed: canRefresh } = usePermission({
    permission: connectorRefreshPermission,
  });

  if (load.loading) return <Progress />;
  if (load.error) return <LoadError error={describeError(load.error)} />;
  const response = refreshed ?? load.value;
  if (!response) return null;

  if (response.connectors.length === 0) {
    return (
      <>
        <Typography variant="body2">
          The annotations of this entity name nothing Backstage can look up.
        </Typography>
        <div className={classes.ignored}>
          <IgnoredAnnotations ignored={response.ignored} />
        </div>
      </>
    );
  }

  return (
    <>
      {response.connectors.map((c, i) => (
        <Fragment
          key={
            isConnectorHealth(c)
              ? c.id
              : `${c.status}:${c.organization ?? ('id' in c ? c.id : '')}`
          }
        >
          {i > 0 && (
            <Divider
              className={
                response.connectors.length > COLLAPSE_AFTER
                  ? classes.compactDivider
                  : classes.divider
              }
            />
          )}
          {c.status === 'missing' && (
            <MissingConnectorPanel
              missing={c}
              onboardingTemplatePath={onboardingTemplatePath}
            />
          )}
          {c.status === 'notAllowed' && (
            <RestrictedConnectorPanel restricted={c} />
          )}
          {isConnectorHealth(c) && (
            <ConnectorPanel
              connector={c}
              entityRef={entityRef}
              isOwnEntity={connectorEntityRef(c.organization) === ownRef}
              canRefresh={canRefresh}
              onResponse={onResponse}
              collapsible={response.connectors.length > COLLAPSE_AFTER}
            />
          )}
        </Fragment>
      ))}
      {response.ignored.length > 0 && (
        <div className={classes.ignored}>
          <IgnoredAnnotations ignored={response.ignored} />
        </div>
      )}
    </>
  );
}

/**
 * The entity card: the Defender for Containers connectors of the Docker Hub organizations and
 * repositories the entity names, their health, what is wrong and how to fix it, findings and
 * trend. Works in both frontend systems (it reads the entity from `useEntity`).
 * @public
 */
export function DefenderCard(props: DefenderCardProps) {
  const { entity } = useEntity();
  const title = props.title ?? 'Defender for Containers';
  return (
    <InfoCard
      title={title}
      subheader="Microsoft Defender for Cloud · Docker Hub registries"
    >
      {isDefenderForContainersAvailable(entity) ? (
        <DefenderCardBody
          entity={entity}
          onboardingTemplatePath={props.onboardingTemplatePath}
        />
      ) : (
        <MissingAnnotation entity={entity} />
      )}
    </InfoCard>
  );
}
