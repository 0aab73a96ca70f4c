import { useCallback, useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  connectorEntityRef,
  type ConnectorListSort,
  type ConnectorOverview,
} from '@defender-backstage/plugin-defender-for-containers-common';
import useAsync from 'react-use/esm/useAsync';
import {
  defenderApiRef,
  type ConnectorListRequest,
} from '../../api/DefenderApi';
import { StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts, totalOf } from '../charts/severities';
import { describeError } from '../format/describeError';
import { absoluteTime, relativeTime } from '../format/relativeTime';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';

/** Rows per page the table offers; the first is the default. */
export const PAGE_SIZES = [20, 50, 100];

type StatusFilter = NonNullable<ConnectorListRequest['status']>;
const STATUS_FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'unhealthy', label: 'Unhealthy' },
  { value: 'stale', label: 'Stale' },
  { value: 'pending', label: 'Pending first scan' },
  { value: 'healthy', label: 'Healthy' },
];

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    marginBottom: theme.spacing(2),
  },
  filter: { minWidth: 220 },
  findings: { minWidth: 160 },
  counts: { marginTop: theme.spacing(0.5) },
  nowrap: { whiteSpace: 'nowrap' },
  intro: { marginBottom: theme.spacing(2) },
}));

/**
 * Owners the filter offers: those the connectors have (the backend's distinct list), not every
 * group and user of the catalog, which can run to thousands and mostly match nothing.
 */
function useOwnerOptions(): Array<{ ref: string; label: string }> {
  const defenderApi = useApi(defenderApiRef);
  const { value } = useAsync(async () => {
    const owners = await defenderApi.listConnectorOwners();
    return owners
      .map(ref => ({
        ref,
        // as the catalog shows owners: `team-a` for a group, `user:jdoe` for a user
        label: humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' }),
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [defenderApi]);
  // Without the list the filter still offers "any owner": the list is a convenience.
  return value ?? [];
}

const columns = (
  classes: ReturnType<typeof useStyles>,
): TableColumn<ConnectorOverview>[] => [
  {
    title: 'Organization',
    field: 'organization',
    highlight: true,
    render: c => (
      <>
        <EntityRefLink entityRef={connectorEntityRef(c.organization)}>
          {c.organization}
        </EntityRefLink>
        <Typography variant="caption" color="textSecondary" component="div">
          {c.subscriptionName}
        </Typography>
      </>
    ),
  },
  {
    title: 'Status',
    field: 'status',
    render: c => <ConnectorStatusLabel status={c.status} />,
  },
  {
    title: 'Issues',
    field: 'issueCount',
    sorting: false,
    type: 'numeric',
  },
  {
    title: 'Findings',
    field: 'findings',
    cellStyle: { minWidth: 170 },
    render: c =>
      c.findingsReported === false ? (
        <Typography variant="body2" color="textSecondary">
          no findings data yet
        </Typography>
      ) : (
        <div className={classes.findings}>
          <StackedSeverityBar
            counts={c.totals}
            max={Math.max(1, totalOf(c.totals))}
          />
          <Typography variant="body2" className={classes.counts}>
            {describeCounts(c.totals)}
          </Typography>
        </div>
      ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: c =>
      c.owner ? (
        <EntityRefLink entityRef={c.owner} defaultKind="group" />
      ) : (
        <Typography variant="body2" color="textSecondary">
          no owner tag
        </Typography>
      ),
  },
  {
    title: 'Refreshed',
    field: 'refreshedAt',
    render: c => (
      <span title={absoluteTime(c.refreshedAt)}>
        {relativeTime(c.refreshedAt)}
      </span>
    ),
  },
  {
    title: 'Azure',
    field: 'portalUrl',
    sorting: false,
    render: c => (
      <Link to={c.portalUrl} className={classes.nowrap}>
        Portal
      </Link>
    ),
  },
];

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
  const owners = useOwnerOptions();
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
      <Box className={classes.filters}>
        <FormControl className={classes.filter}>
          <InputLabel id="defender-status-filter-label" shrink>
            Status
          </InputLabel>
          <Select
            labelId="defender-status-filter-label"
            id="defender-status-filter"
            displayEmpty
            value={status}
            onChange={e => setStatus(e.target.value as StatusFilter | '')}
          >
            <MenuItem value="">Any status</MenuItem>
            {STATUS_FILTERS.map(s => (
              <MenuItem key={s.value} value={s.value}>
                {s.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl className={classes.filter}>
          <InputLabel id="defender-owner-filter-label" shrink>
            Owner
          </InputLabel>
          <Select
            labelId="defender-owner-filter-label"
            id="defender-owner-filter"
            displayEmpty
            value={owner}
            onChange={e => setOwner(String(e.target.value))}
          >
            <MenuItem value="">Any owner</MenuItem>
            {owners.map(o => (
              <MenuItem key={o.ref} value={o.ref}>
                {o.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Box>
      {error && (
        <Typography color="error" role="alert" gutterBottom>
          Could not list connectors: {error}
        </Typography>
      )}
      <Table<ConnectorOverview>
        tableRef={tableRef}
        title="Docker Hub connectors"
        columns={columns(classes)}
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
