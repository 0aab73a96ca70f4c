import { useCallback, useEffect, useRef, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Table } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  ConnectorListSort,
  ConnectorOverview,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef } from '../../api/DefenderApi';
import { describeError } from '../format/describeError';
import { ConnectorFilters, type StatusFilter } from './ConnectorFilters';
import { useConnectorColumns } from './useConnectorColumns';

/** Rows per page the table offers; the first is the default. */
export const PAGE_SIZES = [20, 50, 100];

const useStyles = makeStyles(theme => ({
  intro: { marginBottom: theme.spacing(2) },
}));

const orderOf = (direction?: string) => (direction === 'desc' ? 'desc' : 'asc');

/** The columns the backend sorts by, keyed by the table's field. */
const SORTS: Record<string, ConnectorListSort> = {
  organization: 'organization',
  status: 'status',
  findings: 'findings',
  owner: 'owner',
  refreshedAt: 'refreshedAt',
};

/**
 * Every connector of the subscriptions Backstage reads: status, findings and owner, sorted,
 * filtered and paged by the backend (`GET /connectors`), each row linked to its catalog entity.
 * The page's header comes from its surroundings (the new frontend system's page, or the legacy
 * `DefenderForContainersPage`).
 * @public
 */
export function ConnectorsOverview() {
  const classes = useStyles();
  const api = useApi(defenderApiRef);
  const columns = useConnectorColumns();
  const [status, setStatus] = useState<StatusFilter | ''>('');
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<string>();
  const tableRef = useRef<any>();
  // The table asks for rows through `data`; it reads the filters from here so a new filter
  // only needs a new query, not a new table.
  const filters = useRef({ status, owner });
  filters.current = { status, owner };

  const data = useCallback(
    async (query: {
      page: number;
      pageSize: number;
      search: string;
      orderBy?: { field?: unknown };
      orderDirection?: string;
    }) => {
      const sort = SORTS[String(query.orderBy?.field ?? '')];
      try {
        const result = await api.listConnectors({
          status: filters.current.status || undefined,
          owner: filters.current.owner || undefined,
          text: query.search.trim() || undefined,
          sort,
          order: sort ? orderOf(query.orderDirection) : undefined,
          limit: query.pageSize,
          offset: query.page * query.pageSize,
        });
        setError(undefined);
        return {
          data: result.items,
          page: Math.floor(result.offset / result.limit),
          totalCount: result.totalCount,
        };
      } catch (e) {
        const { status: code, message } = describeError(e);
        setError(code ? `${message} (HTTP ${code})` : message);
        return { data: [], page: 0, totalCount: 0 };
      }
    },
    [api],
  );

  useEffect(() => {
    tableRef.current?.onQueryChange?.({ page: 0 });
  }, [status, owner]);

  return (
    <>
      <Typography variant="body1" className={classes.intro}>
        Microsoft Defender for Containers: the Docker Hub connectors of the
        Azure subscriptions this Backstage reads, with their health, open
        vulnerability findings and owners.
      </Typography>
      <ConnectorFilters
        status={status}
        onStatus={setStatus}
        owner={owner}
        onOwner={setOwner}
      />
      {error && (
        <Typography color="error" role="alert" gutterBottom>
          Could not list connectors: {error}
        </Typography>
      )}
      <Table<ConnectorOverview>
        tableRef={tableRef}
        title="Docker Hub connectors"
        columns={columns}
        data={data}
        options={{
          paging: true,
          pageSize: PAGE_SIZES[0],
          pageSizeOptions: PAGE_SIZES,
          search: true,
          searchFieldAlignment: 'right',
          sorting: true,
          debounceInterval: 300,
          emptyRowsWhenPaging: false,
          padding: 'dense',
        }}
        localization={{
          toolbar: { searchPlaceholder: 'Organization or connector' },
          body: {
            emptyDataSourceMessage:
              'No connectors match. Onboard an organization with the Docker Hub onboarding template.',
          },
        }}
      />
    </>
  );
}
