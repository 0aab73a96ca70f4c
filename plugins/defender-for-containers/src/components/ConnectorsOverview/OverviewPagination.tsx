import { PagerBar } from '../table/PagerBar';
import { PAGE_SIZES } from './useOverviewQuery';

/** The overview's pager: pages by offset, so "21–22 of 22" comes from the page number. */
export function OverviewPagination(props: {
  page: number;
  pageSize: number;
  totalCount: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const { page, pageSize, totalCount } = props;
  const from = totalCount === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(totalCount, (page + 1) * pageSize);
  return (
    <PagerBar
      messages="overview"
      from={from}
      to={to}
      totalCount={totalCount}
      pageSize={pageSize}
      pageSizes={PAGE_SIZES}
      canPrevious={page > 0}
      canNext={to < totalCount}
      onPrevious={() => props.onPage(page - 1)}
      onNext={() => props.onPage(page + 1)}
      onPageSize={props.onPageSize}
    />
  );
}
