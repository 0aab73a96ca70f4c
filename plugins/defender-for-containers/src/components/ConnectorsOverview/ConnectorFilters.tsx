import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/frontend-plugin-api';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import {
  defenderApiRef,
  type ConnectorListRequest,
} from '../../api/DefenderApi';

export type StatusFilter = NonNullable<ConnectorListRequest['status']>;
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

/** The overview's status and owner filters ('' for any). */
export function ConnectorFilters(props: {
  status: StatusFilter | '';
  onStatus: (status: StatusFilter | '') => void;
  owner: string;
  onOwner: (owner: string) => void;
}) {
  const classes = useStyles();
  const owners = useOwnerOptions();
  return (
    <Box className={classes.filters}>
      <FormControl className={classes.filter}>
        <InputLabel id="defender-status-filter-label" shrink>
          Status
        </InputLabel>
        <Select
          labelId="defender-status-filter-label"
          id="defender-status-filter"
          displayEmpty
          value={props.status}
          onChange={e => props.onStatus(e.target.value as StatusFilter | '')}
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
          value={props.owner}
          onChange={e => props.onOwner(String(e.target.value))}
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
  );
}
