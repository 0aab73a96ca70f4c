import {
  Accordion,
  AccordionGroup,
  AccordionPanel,
  AccordionTrigger,
  Text,
} from '@backstage/ui';
import type { ConnectorIssue } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';

/**
 * Defender's issues of an unhealthy connector, one disclosure each: its trigger is a button with
 * aria-expanded, so Tab, Enter and Space open and close it. The first issue starts open, since it
 * is usually the one to fix. Titles, descriptions and steps are Defender's own (English) words,
 * marked as such for screen readers.
 */
export function IssueList(props: { issues: ConnectorIssue[] }) {
  const { t } = useDefenderTranslation();
  return (
    <AccordionGroup allowsMultiple defaultExpandedKeys={['0']}>
      {props.issues.map((issue, i) => (
        <Accordion key={issue.key || i} id={String(i)}>
          <AccordionTrigger level={6} title={issue.title} lang="en" />
          <AccordionPanel>
            <Text as="p" variant="body-medium" lang={issue.description && 'en'}>
              {issue.description ?? t('card.noDescription')}
            </Text>
            <Text
              as="p"
              variant="body-medium"
              weight="bold"
              style={{ marginTop: 8 }}
            >
              {t('card.howToFix')}
            </Text>
            <Text
              as="p"
              variant="body-medium"
              lang={issue.remediation && 'en'}
              style={{ whiteSpace: 'pre-line' }}
            >
              {issue.remediation ?? t('card.noRemediation')}
            </Text>
          </AccordionPanel>
        </Accordion>
      ))}
    </AccordionGroup>
  );
}
