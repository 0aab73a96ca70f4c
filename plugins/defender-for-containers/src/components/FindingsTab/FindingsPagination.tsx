import ChevronLeft from '@material-ui/icons/ChevronLeft';
import ChevronRight from '@material-ui/icons/ChevronRight';
import { ButtonIcon, Flex, Select, Text } from '@backstage/ui';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { FINDINGS_PAGE_SIZES } from './useFindingsQuery';

/**
 * Where the reader is ("26–50 of 142") and how to move. The backend pages by cursor, so there are
 * Previous and Next but no page numbers to jump to; both wait while a page loads, since Next
 * needs the cursor the loading page brings.
 */
export function FindingsPagination(props: {
  /** Zero-based: how many pages lie before this one. */
  pageIndex: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  totalCount: number;
  hasNext: boolean;
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (pageSize: number) => void;
}) {
  const { t } = useDefenderTranslation();
  const { pageIndex, pageSize, shown, totalCount } = props;
  const from = shown === 0 ? 0 : pageIndex * pageSize + 1;
  const to = shown === 0 ? 0 : from + shown - 1;
  return (
    <Flex
      justify="between"
      align="center"
      gap="3"
      mt="3"
      style={{ flexWrap: 'wrap' }}
    >
      {/* Backstage UI's select fills its container: a narrow one. */}
      <div style={{ width: 160 }}>
        <Select
          aria-label={t('findingsTab.pageSize')}
          size="small"
          options={FINDINGS_PAGE_SIZES.map(size => ({
            id: String(size),
            label: t('findingsTab.pageSizeOption', { count: size }),
          }))}
          value={String(pageSize)}
          onChange={key => props.onPageSize(Number(key))}
        />
      </div>
      <Flex align="center" gap="2">
        <Text as="p" variant="body-medium" aria-live="polite">
          {t('findingsTab.rows', {
            from: String(from),
            to: String(to),
            total: String(totalCount),
          })}
        </Text>
        <ButtonIcon
          variant="secondary"
          size="small"
          icon={<ChevronLeft fontSize="small" />}
          aria-label={t('findingsTab.previousPage')}
          isDisabled={pageIndex === 0 || props.busy}
          onPress={props.onPrevious}
        />
        <ButtonIcon
          variant="secondary"
          size="small"
          icon={<ChevronRight fontSize="small" />}
          aria-label={t('findingsTab.nextPage')}
          isDisabled={!props.hasNext || props.busy}
          onPress={props.onNext}
        />
      </Flex>
    </Flex>
  );
}
