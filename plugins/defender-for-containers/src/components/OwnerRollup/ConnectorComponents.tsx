import { useState } from 'react';
import { Button } from '@backstage/ui';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { SecondaryText } from '../theme/SecondaryText';

/** Component links shown per connector before "+N more": an organization may serve hundreds. */
export const COMPONENTS_PER_CONNECTOR = 10;

/**
 * The components that use a connector, each linked to its entity page: the first
 * {@link COMPONENTS_PER_CONNECTOR}, then "+N more", which shows the rest on the spot (the
 * page has them already; a link elsewhere would lose the reader's place).
 */
export function ConnectorComponents(props: {
  organization: string;
  components: string[];
}) {
  const { t } = useDefenderTranslation();
  const [all, setAll] = useState(false);
  const { components, organization } = props;
  if (components.length === 0) {
    return (
      <SecondaryText variant="body-medium">
        {t('rollup.noUsingComponents')}
      </SecondaryText>
    );
  }
  const shown = all
    ? components
    : components.slice(0, COMPONENTS_PER_CONNECTOR);
  const more = components.length - shown.length;
  return (
    <>
      <ul
        style={{ margin: 0, padding: 0, listStyle: 'none' }}
        data-testid={`components-of-${organization}`}
      >
        {shown.map(ref => (
          <li key={ref}>
            <EntityRefLink entityRef={ref} defaultKind="component" hideIcon />
          </li>
        ))}
      </ul>
      {(more > 0 || all) && (
        <Button
          variant="tertiary"
          size="small"
          onPress={() => setAll(v => !v)}
          aria-label={
            more > 0
              ? t('rollup.moreComponentsOf', { count: more, organization })
              : undefined
          }
        >
          {more > 0
            ? t('rollup.moreComponents', { count: more })
            : t('rollup.fewerComponents')}
        </Button>
      )}
    </>
  );
}
