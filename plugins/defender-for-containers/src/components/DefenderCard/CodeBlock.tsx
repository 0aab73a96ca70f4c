import { useState } from 'react';
import FileCopyOutlined from '@material-ui/icons/FileCopyOutlined';
import { ButtonIcon, Flex } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { SecondaryText } from '../theme/SecondaryText';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';

const useStyles = makeStyles(theme => ({
  pre: {
    flex: 1,
    minWidth: 0,
    margin: 0,
    padding: 'var(--bui-space-3, 12px)',
    overflowX: 'auto',
    borderRadius: 'var(--bui-radius-2, 4px)',
    border: '1px solid var(--bui-border-1, rgba(128,128,128,0.3))',
    background: theme.palette.background.default,
    color: theme.palette.text.primary,
    fontSize: 'var(--bui-font-size-2, 0.75rem)',
    lineHeight: 1.5,
  },
}));

/**
 * YAML to copy into a file, as plain preformatted text (no syntax highlighter to load), with a
 * copy button whose label and confirmation are in the app's language.
 */
export function CodeBlock(props: { text: string; copyable?: boolean }) {
  const classes = useStyles();
  const { t } = useDefenderTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <Flex align="start" gap="1">
        <pre className={classes.pre}>
          <code>{props.text}</code>
        </pre>
        {props.copyable && (
          <ButtonIcon
            variant="tertiary"
            icon={<FileCopyOutlined fontSize="small" />}
            aria-label={t('missingAnnotation.copy')}
            onPress={async () => {
              await navigator.clipboard?.writeText(props.text);
              setCopied(true);
            }}
          />
        )}
      </Flex>
      {props.copyable && (
        <div role="status">
          {copied && (
            <SecondaryText as="p" variant="body-small">
              {t('missingAnnotation.copied')}
            </SecondaryText>
          )}
        </div>
      )}
    </div>
  );
}
