import { PagerBar } from '../table/PagerBar';
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
  const { pageIndex, pageSize, shown } = props;
  const from = shown === 0 ? 0 : pageIndex * pageSize + 1;
  const to = shown === 0 ? 0 : from + shown - 1;
  return (
    <PagerBar
      messages="findingsTab"
      from={from}
      to={to}
      totalCount={props.totalCount}
      pageSize={pageSize}
      pageSizes={FINDINGS_PAGE_SIZES}
      canPrevious={pageIndex > 0 && !props.busy}
      canNext={props.hasNext && !props.busy}
      onPrevious={props.onPrevious}
      onNext={props.onNext}
      onPageSize={props.onPageSize}
    />
  );
}
