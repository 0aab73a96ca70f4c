import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import { LinkButton } from '@backstage/core-components';
import type { MissingConnector } from '@defender-backstage/plugin-defender-for-containers-common';
import { onboardingTemplateUrl } from '../../onboardingTemplateUrl';
import { ConnectorHeading } from './ConnectorHeading';

const useStyles = makeStyles(theme => ({
  body: { marginTop: theme.spacing(1) },
}));

/**
 * An organization (or connector id) the entity names, for which Backstage found no connector:
 * for an organization, the way to onboard it, with the onboarding form prefilled.
 */
export function MissingConnectorPanel(props: {
  missing: MissingConnector;
  onboardingTemplatePath?: string;
}) {
  const classes = useStyles();
  const { missing, onboardingTemplatePath } = props;
  const name = missing.organization
    ? `Docker Hub ${missing.organization}`
    : `Connector ${missing.id?.split('/').pop() ?? ''}`;
  return (
    <section aria-label={name}>
      <ConnectorHeading title={name} status="missing" />
      <Typography variant="body2" className={classes.body}>
        {missing.message}
      </Typography>
      {missing.organization && (
        <LinkButton
          className={classes.body}
          variant="contained"
          color="primary"
          size="small"
          startIcon={<AddIcon />}
          to={onboardingTemplateUrl(
            missing.organization,
            onboardingTemplatePath,
          )}
        >
          Onboard {missing.organization} to Defender
        </LinkButton>
      )}
    </section>
  );
}
