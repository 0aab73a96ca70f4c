import ChevronLeft from '@material-ui/icons/ChevronLeft';
import ChevronRight from '@material-ui/icons/ChevronRight';
import { ButtonIcon, Flex, Select, Text } from '@backstage/ui';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { PAGE_SIZES } from './useOverviewQuery';

/**
 * Where the reader is in the list and how to move: "21–22 of 22", previous and next page, rows
 * per page. Built from Backstage UI parts rather than its table pagination, so every word is in
 * the app's language.
 */
export function OverviewPagination(props: {
  page: number;
  pageSize: number;
  totalCount: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const { t } = useDefenderTranslation();
  const { page, pageSize, totalCount } = props;
  const from = totalCount === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(totalCount, (page + 1) * pageSize);
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
          aria-label={t('overview.pageSize')}
          size="small"
          options={PAGE_SIZES.map(size => ({
            id: String(size),
            label: t('overview.pageSizeOption', { count: size }),
          }))}
          value={String(pageSize)}
          onChange={key => props.onPageSize(Number(key))}
        />
      </div>
      <Flex align="center" gap="2">
        <Text as="p" variant="body-medium" aria-live="polite">
          {t('overview.rows', {
            from: String(from),
            to: String(to),
            total: String(totalCount),
          })}
        </Text>
        <ButtonIcon
          variant="secondary"
          size="small"
          icon={<ChevronLeft fontSize="small" />}
          aria-label={t('overview.previousPage')}
          isDisabled={page === 0}
          onPress={() => props.onPage(page - 1)}
        />
        <ButtonIcon
          variant="secondary"
          size="small"
          icon={<ChevronRight fontSize="small" />}
          aria-label={t('overview.nextPage')}
          isDisabled={to >= totalCount}
          onPress={() => props.onPage(page + 1)}
        />
      </Flex>
    </Flex>
  );
}
