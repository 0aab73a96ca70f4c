import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Box from '@material-ui/core/Box';
import { Progress } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  connectorCreatePermission,
  connectorDeletePermission,
  type AzureTarget,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef } from '../../api/DefenderApi';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { describeError } from '../format/describeError';
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
  const { t } = useDefenderTranslation();
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

  if (loading) return <Progress aria-label={t('picker.loading')} />;
  // The backend lists subscriptions only to who may create or delete connectors; an error
  // panel with a stack would hide what to ask for.
  if (ResponseError.is(error) && error.statusCode === 403) {
    return (
      <FormHelperText error>
        {t('picker.notAllowed', {
          create: connectorCreatePermission.name,
          delete: connectorDeletePermission.name,
        })}
      </FormHelperText>
    );
  }
  if (error) {
    // The backend's own words, without a stack or a panel in another language.
    return (
      <FormHelperText error>
        {t('picker.failed', { message: describeError(error).message })}
      </FormHelperText>
    );
  }
  if (!subscriptions || subscriptions.length === 0) {
    return (
      <FormHelperText error>
        {t('picker.noSubscription', {
          key: 'defenderForContainers.azure.subscriptions',
        })}
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
          {t('picker.subscription')}
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
            {t('picker.chooseSubscription')}
          </MenuItem>
          {subscriptions.map(s => (
            <MenuItem key={s.id} value={s.id}>
              {s.displayName === s.id
                ? s.id
                : t('picker.subscriptionOption', {
                    name: s.displayName,
                    id: s.id,
                  })}
            </MenuItem>
          ))}
        </Select>
        <FormHelperText>
          {schema.description ?? t('picker.subscriptionHelp')}
        </FormHelperText>
      </FormControl>
      <FormControl required={required}>
        <InputLabel id={`${id}-rg-label`} shrink>
          {t('picker.resourceGroup')}
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
            {t('picker.chooseResourceGroup')}
          </MenuItem>
          {(selected?.resourceGroups ?? []).map(rg => (
            <MenuItem key={rg} value={rg}>
              {rg}
            </MenuItem>
          ))}
        </Select>
        <FormHelperText>{t('picker.resourceGroupHelp')}</FormHelperText>
      </FormControl>
      {asksLocation && (
        <TextField
          id={`${id}-location`}
          label={t('picker.location')}
          InputLabelProps={{ shrink: true }}
          placeholder={t('picker.locationPlaceholder')}
          required={required}
          value={formData?.location ?? ''}
          onChange={e => onChange({ ...formData, location: e.target.value })}
          helperText={t('picker.locationHelp')}
        />
      )}
    </Box>
  );
}
