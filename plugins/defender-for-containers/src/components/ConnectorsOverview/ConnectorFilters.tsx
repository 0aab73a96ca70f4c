import { Flex, SearchField, Select } from '@backstage/ui';
import { useApi } from '@backstage/frontend-plugin-api';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { defenderApiRef } from '../../api/DefenderApi';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import {
  STATUS_FILTERS,
  type OverviewQuery,
  type StatusFilter,
} from './useOverviewQuery';

/** The option that filters nothing; Select keys must not be empty. */
const ANY = 'any';
export { SEARCH_DEBOUNCE_MS } from '../../hooks/useUrlQuery';

/**
 * Owners the filter offers: those the connectors have (the backend's distinct list), not every
 * group and user of the catalog, which can run to thousands and mostly match nothing.
 */
function useOwnerOptions(): Array<{ id: string; label: string }> {
  const defenderApi = useApi(defenderApiRef);
  const { value } = useAsync(async () => {
    const owners = await defenderApi.listConnectorOwners();
    return owners
      .map(ref => ({
        id: ref,
        // as the catalog shows owners: `team-a` for a group, `user:jdoe` for a user
        label: humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' }),
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [defenderApi]);
  // Without the list the filter still offers "any owner": the list is a convenience.
  return value ?? [];
}

/**
 * The overview's status and owner filters and its search box, bound to the URL's query (the
 * box's debounce is `useOverviewQuery`'s, so that paging can apply a pending search first).
 */
export function ConnectorFilters(props: {
  query: OverviewQuery;
  onChange: (change: Partial<OverviewQuery>) => void;
  text: string;
  onText: (text: string) => void;
}) {
  const { t } = useDefenderTranslation();
  const { query, onChange } = props;
  const owners = useOwnerOptions();

  // An owner from a shared link that no connector has (any more) still shows as chosen.
  const ownerOptions =
    query.owner && !owners.some(o => o.id === query.owner)
      ? [...owners, { id: query.owner, label: query.owner }]
      : owners;
  return (
    <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }} mb="4">
      <Select
        label={t('overview.status')}
        style={{ minWidth: 200 }}
        options={[
          { id: ANY, label: t('overview.anyStatus') },
          ...STATUS_FILTERS.map(s => ({ id: s, label: t(`status.${s}`) })),
        ]}
        value={query.status ?? ANY}
        onChange={key =>
          onChange({
            status: key === ANY ? undefined : (String(key) as StatusFilter),
          })
        }
      />
      <Select
        label={t('overview.owner')}
        style={{ minWidth: 200 }}
        options={[{ id: ANY, label: t('overview.anyOwner') }, ...ownerOptions]}
        value={query.owner ?? ANY}
        onChange={key =>
          onChange({ owner: key === ANY ? undefined : String(key) })
        }
      />
      <SearchField
        label={t('overview.search')}
        placeholder={t('overview.searchPlaceholder')}
        value={props.text}
        onChange={props.onText}
        style={{ minWidth: 240 }}
      />
    </Flex>
  );
}
