import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody } from '@backstage/ui';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { isDefenderForContainersAvailable } from '@defender-backstage/plugin-defender-for-containers-common';
import { MissingAnnotation } from '../DefenderCard/MissingAnnotation';
import { FindingsTab } from './FindingsTab';

/**
 * The entity page's Findings tab: every open vulnerability finding of the images the entity's
 * annotations name. Works in both frontend systems (it reads the entity from `useEntity`). Its
 * extension's filter keeps it to annotated entities; placed without one (a legacy
 * `EntityLayout.Route` without `if`), it shows what to annotate, as the card does.
 */
export function EntityDefenderFindingsContent() {
  const { entity } = useEntity();
  // Keyed by the ref, not the entity object: the catalog hands a new object on every refresh.
  const ref = stringifyEntityRef(entity).toLowerCase();
  const entityRef = useMemo(() => parseEntityRef(ref), [ref]);
  if (!isDefenderForContainersAvailable(entity)) {
    return (
      <Card>
        <CardBody>
          <MissingAnnotation entity={entity} />
        </CardBody>
      </Card>
    );
  }
  return <FindingsTab entityRef={entityRef} />;
}
