import { useMemo } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { EntityRollupResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { Switch } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { defenderApiRef } from '../../api/DefenderApi';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { describeError } from '../format/describeError';
import { RollupComponentTable } from './RollupComponentTable';
import { RollupConnectorList } from './RollupConnectorList';
import { RollupCoverage } from './RollupCoverage';
import { RollupEmptyState } from './RollupEmptyState';
import { RollupLoadError } from './RollupLoadError';
import { RollupNotAllowedList } from './RollupNotAllowedList';
import { RollupTotals } from './RollupTotals';
import { useRollupChildren } from './useRollupChildren';

/** @public */
export interface DefenderRollupCardProps {
  /** Card title; default "Defender for Containers" in the app's language. */
  title?: string;
}

/** A loaded roll-up: totals, connectors and components, or what to annotate when none is. */
function RollupBody(props: { rollup: EntityRollupResponse; isGroup: boolean }) {
  const { rollup, isGroup } = props;
  if (rollup.components.length === 0) {
    return (
      <>
        <RollupCoverage rollup={rollup} />
        <RollupEmptyState rollup={rollup} isGroup={isGroup} />
        <RollupNotAllowedList notAllowed={rollup.notAllowed} />
      </>
    );
  }
  return (
    <>
      <RollupCoverage rollup={rollup} />
      <RollupTotals rollup={rollup} />
      <RollupConnectorList connectors={rollup.connectors} />
      <RollupNotAllowedList notAllowed={rollup.notAllowed} />
      <RollupComponentTable components={rollup.components} />
    </>
  );
}

function LoadingRollupCard(props: {
  ownRef: string;
  isGroup: boolean;
  title: string;
}) {
  const { ownRef, isGroup, title } = props;
  const { t } = useDefenderTranslation();
  const api = useApi(defenderApiRef);
  const [childrenParam, setChildren] = useRollupChildren();
  // A System has no child groups: a hand-edited parameter must not reach the backend.
  const children = isGroup && childrenParam;
  const entityRef = useMemo(() => parseEntityRef(ownRef), [ownRef]);
  const load = useAsyncRetry(
    () => api.getEntityRollup(entityRef, { children }),
    [api, entityRef, children],
  );

  let body;
  if (load.error && !load.loading) {
    body = (
      <RollupLoadError error={describeError(load.error)} onRetry={load.retry} />
    );
  } else if (!load.value) {
    body = <Progress aria-label={t('rollup.loading')} />;
  } else {
    // While the switch's answer loads, the previous one stays (dimmed) instead of a jump to a
    // spinner and back; `aria-busy` tells assistive technology it is about to change.
    body = (
      <>
        {load.loading && <Progress aria-label={t('rollup.updating')} />}
        <div
          aria-busy={load.loading}
          style={{ opacity: load.loading ? 0.6 : 1 }}
        >
          <RollupBody rollup={load.value} isGroup={isGroup} />
        </div>
      </>
    );
  }

  return (
    <EntityInfoCard
      title={title}
      headerActions={
        isGroup && (
          <Switch
            label={t('rollup.includeChildGroups')}
            isSelected={children}
            onChange={setChildren}
          />
        )
      }
    >
      {body}
    </EntityInfoCard>
  );
}

/**
 * The roll-up card of a Group (the components it owns, with its child groups' on request) or a
 * System (its components): their Defender findings in total, per connector and per component,
 * worst first, each component linked to its own entity page. Works in both frontend systems
 * (it reads the entity from `useEntity`).
 */
export function EntityDefenderRollupCard(props: DefenderRollupCardProps) {
  const { entity } = useEntity();
  const { t } = useDefenderTranslation();
  // Keyed by the ref, not the entity object: the catalog hands a new object on every refresh,
  // and another entity's answer must never show while this one's loads.
  const ownRef = stringifyEntityRef(entity).toLowerCase();
  return (
    <LoadingRollupCard
      key={ownRef}
      ownRef={ownRef}
      isGroup={entity.kind.toLowerCase() === 'group'}
      title={props.title ?? t('rollup.title')}
    />
  );
}
