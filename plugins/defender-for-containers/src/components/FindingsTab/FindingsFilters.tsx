import {
  Checkbox,
  CheckboxGroup,
  Flex,
  SearchField,
  Select,
} from '@backstage/ui';
import { FINDING_SEVERITIES } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { severityKey } from './SeverityLabel';
import type { FindingsQuery, FixableFilter } from './useFindingsQuery';

/** The option that filters nothing; Select keys must not be empty. */
const ANY = 'any';

/**
 * The tab's filters, bound to the URL's query: severities (any of those ticked; none ticked is
 * every severity), with or without a fix, one repository, and the search box (CVE id or package;
 * its debounce is `useFindingsQuery`'s).
 */
export function FindingsFilters(props: {
  query: FindingsQuery;
  onChange: (change: Partial<FindingsQuery>) => void;
  /** What the repository filter offers: the repositories that have findings. */
  repositories: string[];
  text: string;
  onText: (text: string) => void;
}) {
  const { t } = useDefenderTranslation();
  const { query, onChange } = props;
  // A repository from a shared link that has no findings (any more) still shows as chosen.
  const repositories =
    query.repository && !props.repositories.includes(query.repository)
      ? [...props.repositories, query.repository]
      : props.repositories;
  return (
    <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
      {/* Checkboxes rather than a multiple select: its trigger joins the choices with an
          English "and" in any app language. */}
      <CheckboxGroup
        label={t('findingsTab.severity')}
        orientation="horizontal"
        value={query.severity}
        onChange={values =>
          // in Defender's order, whatever order they were ticked in
          onChange({
            severity: FINDING_SEVERITIES.filter(s => values.includes(s)),
          })
        }
      >
        {FINDING_SEVERITIES.map(s => (
          <Checkbox key={s} value={s}>
            {t(`severity.${severityKey(s)}`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <Select
        label={t('findingsTab.fix')}
        style={{ minWidth: 200 }}
        options={[
          { id: ANY, label: t('findingsTab.anyFix') },
          { id: 'yes', label: t('findingsTab.withFix') },
          { id: 'no', label: t('findingsTab.withoutFix') },
        ]}
        value={query.fixable}
        onChange={key => onChange({ fixable: String(key) as FixableFilter })}
      />
      <Select
        label={t('findingsTab.repository')}
        style={{ minWidth: 220 }}
        options={[
          { id: ANY, label: t('findingsTab.anyRepository') },
          // `org/repo`: never the same as ANY
          ...repositories.map(r => ({ id: r, label: r })),
        ]}
        value={query.repository ?? ANY}
        onChange={key =>
          onChange({ repository: key === ANY ? undefined : String(key) })
        }
      />
      <SearchField
        label={t('findingsTab.search')}
        placeholder={t('findingsTab.searchPlaceholder')}
        value={props.text}
        onChange={props.onText}
        style={{ minWidth: 240 }}
      />
    </Flex>
  );
}
