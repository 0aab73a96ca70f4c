import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { ConnectorIssue } from '@defender-backstage/plugin-defender-for-containers-common';

const useStyles = makeStyles(theme => ({
  details: { display: 'block' },
  heading: { fontWeight: theme.typography.fontWeightMedium as number },
  remediation: {
    marginTop: theme.spacing(1),
    whiteSpace: 'pre-line',
  },
}));

/**
 * Defender's issues of an unhealthy connector, one expandable row each: MUI's accordion is a
 * button with aria-expanded and aria-controls, so Tab, Enter and Space open and close it. The
 * first issue starts open, since it is usually the one to fix.
 */
export function IssueList(props: {
  issues: ConnectorIssue[];
  idPrefix: string;
}) {
  const classes = useStyles();
  return (
    <div>
      {props.issues.map((issue, i) => {
        const id = `${props.idPrefix}-issue-${i}`;
        return (
          <Accordion
            key={issue.key || id}
            defaultExpanded={i === 0}
            TransitionProps={{ unmountOnExit: false }}
          >
            <AccordionSummary
              expandIcon={<ExpandMoreIcon />}
              aria-controls={`${id}-content`}
              id={`${id}-header`}
            >
              <Typography className={classes.heading}>{issue.title}</Typography>
            </AccordionSummary>
            <AccordionDetails id={`${id}-content`} className={classes.details}>
              <Typography variant="body2">
                {issue.description ?? 'Defender gives no further description.'}
              </Typography>
              <Typography
                variant="subtitle2"
                component="p"
                className={classes.remediation}
              >
                How to fix it
              </Typography>
              <Typography variant="body2" className={classes.remediation}>
                {issue.remediation ??
                  'Defender gives no remediation steps; open the connector in the Azure portal.'}
              </Typography>
            </AccordionDetails>
          </Accordion>
        );
      })}
    </div>
  );
}
