import ChevronLeft from '@material-ui/icons/ChevronLeft';
import ChevronRight from '@material-ui/icons/ChevronRight';
import { ButtonIcon, Flex, Select, Text } from '@backstage/ui';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';

/**
 * Where the reader is in a list ("21–22 of 22") and how to move: previous and next page, rows
 * per page. Built from Backstage UI parts rather than its table pagination, so every word is in
 * the app's language; `messages` says whose words (the overview's or the Findings tab's).
 */
export function PagerBar(props: {
  messages: 'overview' | 'findingsTab';
  from: number;
  to: number;
  totalCount: number;
  pageSize: number;
  pageSizes: readonly number[];
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (pageSize: number) => void;
}) {
  const { t } = useDefenderTranslation();
  const m = props.messages;
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
          aria-label={t(`${m}.pageSize`)}
          size="small"
          options={props.pageSizes.map(size => ({
            id: String(size),
            label: t(`${m}.pageSizeOption`, { count: size }),
          }))}
          value={String(props.pageSize)}
          onChange={key => props.onPageSize(Number(key))}
        />
      </div>
      <Flex align="center" gap="2">
        <Text as="p" variant="body-medium" aria-live="polite">
          {t(`${m}.rows`, {
            from: String(props.from),
            to: String(props.to),
            total: String(props.totalCount),
          })}
        </Text>
        <ButtonIcon
          variant="secondary"
          size="small"
          icon={<ChevronLeft fontSize="small" />}
          aria-label={t(`${m}.previousPage`)}
          isDisabled={!props.canPrevious}
          onPress={props.onPrevious}
        />
        <ButtonIcon
          variant="secondary"
          size="small"
          icon={<ChevronRight fontSize="small" />}
          aria-label={t(`${m}.nextPage`)}
          isDisabled={!props.canNext}
          onPress={props.onNext}
        />
      </Flex>
    </Flex>
  );
}
