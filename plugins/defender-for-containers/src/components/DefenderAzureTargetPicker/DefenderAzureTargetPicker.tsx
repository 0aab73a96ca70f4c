import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Box from '@material-ui/core/Box';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  connectorCreatePermission,
  connectorDeletePermission,
  type AzureTarget,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef } from '../../api/DefenderApi';
import { applySubscriptionDefaults } from './applySubscriptionDefaults';

/**
 * Subscription, resource group and location of a new connector, chosen only among the
 * subscriptions the backend is configured to allow.
 */
export function DefenderAzureTargetPicker(
  props: FieldExtensionComponentProps<
    Partial<AzureTarget>,
    { location?: boolean }
  >,
) {
  const {
    onChange,
    formData,
    rawErrors,
    required,
    schema,
    idSchema,
    uiSchema,
  } = props;
  // `ui:options: { location: false }` for templates that act on an existing connector, whose
  // region cannot change (rotate, offboard).
  const asksLocation = uiSchema?.['ui:options']?.location !== false;
  const api = useApi(defenderApiRef);
  const {
    value: subscriptions,
    loading,
    error,
  } = useAsync(() => api.listAllowedSubscriptions(), [api]);

  useEffect(() => {
    if (
      subscriptions &&
      !formData?.subscriptionId &&
      subscriptions.length > 0
    ) {
      onChange(applySubscriptionDefaults(subscriptions[0], formData));
    }
  }, [subscriptions, formData, onChange]);

  if (loading) return <Progress />;
  // The backend lists subscriptions only to who may create or delete connectors; an error
  // panel with a stack would hide what to ask for.
  if (ResponseError.is(error) && error.statusCode === 403) {
    return (
      <FormHelperText error>
        You may not onboard, change or offboard Docker Hub connectors: ask your
        Backstage administrators for the permission{' '}
        {connectorCreatePermission.name} (onboard, rotate a token) or{' '}
        {connectorDeletePermission.name} (offboard).
      </FormHelperText>
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;
  if (!subscriptions || subscriptions.length === 0) {
    return (
      <FormHelperText error>
        No Azure subscription is allowed: add one under
        defenderForContainers.azure.subscriptions in app-config.yaml.
      </FormHelperText>
    );
  }

  const selected = subscriptions.find(s => s.id === formData?.subscriptionId);
  const id = idSchema?.$id ?? 'azureTarget';
  // Labels sit above their fields from the first render: the defaults arrive a moment after
  // mount, and a label still animating from inside the field to above it overlapped the value
  // just filled in.
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <FormControl
        required={required}
        error={!!rawErrors?.length && !formData?.subscriptionId}
      >
        <InputLabel id={`${id}-subscription-label`} shrink>
          Azure subscription
        </InputLabel>
        <Select
          labelId={`${id}-subscription-label`}
          id={`${id}-subscription`}
          displayEmpty
          value={formData?.subscriptionId ?? ''}
          onChange={e => {
            const next = subscriptions.find(s => s.id === e.target.value);
            if (next) onChange(applySubscriptionDefaults(next, undefined));
          }}
        >
          <MenuItem value="" disabled>
            Choose a subscription
          </MenuItem>
          {subscriptions.map(s => (
            <MenuItem key={s.id} value={s.id}>
              {s.displayName === s.id ? s.id : `${s.displayName} (${s.id})`}
            </MenuItem>
          ))}
        </Select>
        <FormHelperText>
          {schema.description ??
            'Only the subscriptions configured for this Backstage are listed.'}
        </FormHelperText>
      </FormControl>
      <FormControl required={required}>
        <InputLabel id={`${id}-rg-label`} shrink>
          Resource group
        </InputLabel>
        <Select
          labelId={`${id}-rg-label`}
          id={`${id}-resource-group`}
          displayEmpty
          value={formData?.resourceGroup ?? ''}
          onChange={e =>
            onChange({ ...formData, resourceGroup: String(e.target.value) })
          }
        >
          <MenuItem value="" disabled>
            Choose a resource group
          </MenuItem>
          {(selected?.resourceGroups ?? []).map(rg => (
            <MenuItem key={rg} value={rg}>
              {rg}
            </MenuItem>
          ))}
        </Select>
        <FormHelperText>
          Where the security connector resource is created.
        </FormHelperText>
      </FormControl>
      {asksLocation && (
        <TextField
          id={`${id}-location`}
          label="Location"
          InputLabelProps={{ shrink: true }}
          placeholder="e.g. westeurope"
          required={required}
          value={formData?.location ?? ''}
          onChange={e => onChange({ ...formData, location: e.target.value })}
          helperText="Azure region where Defender stores the connector's data, e.g. westeurope."
        />
      )}
    </Box>
  );
}
