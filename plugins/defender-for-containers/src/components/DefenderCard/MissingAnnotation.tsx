import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CodeSnippet } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CONNECTOR_ID,
  ANNOTATION_DOCKERHUB_ORGANIZATION,
  ANNOTATION_DOCKERHUB_REPOSITORY,
} from '@defender-backstage/plugin-defender-for-containers-common';

const useStyles = makeStyles(theme => ({
  text: { marginBottom: theme.spacing(1) },
  list: { margin: theme.spacing(0, 0, 1), paddingLeft: theme.spacing(2.5) },
  snippet: { margin: theme.spacing(1, 0) },
}));

/** The entity's own descriptor head with the annotation to add, ready to copy. */
export function annotationSnippet(entity: Entity): string {
  return [
    `apiVersion: ${entity.apiVersion}`,
    `kind: ${entity.kind}`,
    'metadata:',
    `  name: ${entity.metadata.name}`,
    '  annotations:',
    '    # the Docker Hub repositories it ships, comma-separated',
    `    ${ANNOTATION_DOCKERHUB_REPOSITORY}: <org>/<repo>`,
    '    # or whole organizations:',
    `    # ${ANNOTATION_DOCKERHUB_ORGANIZATION}: <org>`,
  ].join('\n');
}

/**
 * No Defender annotation: what to add to the entity's catalog-info.yaml, copyable. Reached
 * where the card is shown regardless of annotations (legacy EntitySwitch, or the new frontend
 * system's card with a `filter` override).
 */
export function MissingAnnotation(props: { entity: Entity }) {
  const classes = useStyles();
  return (
    <div>
      <Typography variant="body1" className={classes.text}>
        This {props.entity.kind.toLowerCase()} names no Docker Hub organization
        or repository, so there is no Defender for Containers health to show.
        Add one of these annotations to its <code>catalog-info.yaml</code>:
      </Typography>
      <ul className={classes.list}>
        <li>
          <Typography variant="body2">
            <code>{ANNOTATION_DOCKERHUB_REPOSITORY}</code>: the repositories it
            ships; findings are narrowed to them
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            <code>{ANNOTATION_DOCKERHUB_ORGANIZATION}</code>: whole
            organizations
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            <code>{ANNOTATION_CONNECTOR_ID}</code>: a connector’s Azure resource
            id (set on connector resources)
          </Typography>
        </li>
      </ul>
      <div className={classes.snippet}>
        <CodeSnippet
          text={annotationSnippet(props.entity)}
          language="yaml"
          showCopyCodeButton
        />
      </div>
    </div>
  );
}
