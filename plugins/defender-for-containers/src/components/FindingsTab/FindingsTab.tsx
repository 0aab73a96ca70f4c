import { Button, Card, CardBody, Flex, Skeleton, Text } from '@backstage/ui';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { describeError } from '../format/describeError';
import { FindingsCounts } from './FindingsCounts';
import { FindingsError } from './FindingsError';
import { FindingsFilters } from './FindingsFilters';
import { FindingsNotices } from './FindingsNotices';
import { FindingsPagination } from './FindingsPagination';
import { FindingsTable } from './FindingsTable';
import { useFindingsPage } from './useFindingsPage';
import { isFiltered, NO_FILTERS, useFindingsQuery } from './useFindingsQuery';

function Loading() {
  const { t } = useDefenderTranslation();
  return (
    <Flex
      direction="column"
      gap="2"
      role="status"
      aria-label={t('findingsTab.loading')}
    >
      {[0, 1, 2, 3].map(i => (
        <Skeleton key={i} width="100%" height={36} />
      ))}
    </Flex>
  );
}

/**
 * Every open finding of an entity's images, filtered, sorted and paged by the backend
 * (`GET …/defender/findings`). Filters, search, sort and page size live in the URL; the page is a
 * stack of cursors that any change of them empties.
 */
export function FindingsTab(props: { entityRef: CompoundEntityRef }) {
  const { t } = useDefenderTranslation();
  const { query, update, text, setText, flush } = useFindingsQuery();
  const page = useFindingsPage(props.entityRef, query);
  const { load } = page;
  const response = load.value;
  const filtered = isFiltered(query);
  const clearFilters = () => update(NO_FILTERS);
  const hasFindings = (response?.counts.total ?? 0) > 0;

  let body;
  if (load.error && !load.loading) {
    body = (
      <FindingsError
        error={describeError(load.error)}
        onRetry={load.retry}
        onFirstPage={page.paged ? page.first : undefined}
      />
    );
  } else if (!response) {
    body = <Loading />;
  } else if (!hasFindings && !filtered) {
    body = (
      <Text as="p" data-no-findings>
        {t('findingsTab.none')}
      </Text>
    );
  } else {
    body = (
      <>
        <FindingsTable
          items={response.items}
          sort={query.sort}
          order={query.order}
          onSort={(sort, order) => update({ sort, order })}
          stale={load.loading}
          empty={
            <Flex align="center" gap="3">
              <Text>{t('findingsTab.noneMatch')}</Text>
              {filtered && (
                <Button variant="secondary" size="small" onPress={clearFilters}>
                  {t('findingsTab.clearFilters')}
                </Button>
              )}
            </Flex>
          }
        />
        {response.totalCount > 0 && (
          <FindingsPagination
            pageIndex={page.pageIndex}
            pageSize={query.pageSize}
            shown={response.items.length}
            totalCount={response.totalCount}
            hasNext={!!page.next}
            busy={load.loading}
            // A search still waiting for its debounce is applied instead (its first page): this
            // view's cursors mean nothing in the view the box already shows.
            onPrevious={() => flush() || page.previous()}
            onNext={() => flush() || page.next?.()}
            onPageSize={pageSize => update({ pageSize })}
          />
        )}
      </>
    );
  }

  return (
    <Card>
      <CardBody>
        <Flex direction="column" gap="4">
          <Text as="h2" variant="title-small">
            {t('findingsTab.heading')}
          </Text>
          {response && <FindingsNotices response={response} />}
          {response && hasFindings && (
            <FindingsCounts counts={response.counts} />
          )}
          {(hasFindings || filtered) && (
            <FindingsFilters
              query={query}
              onChange={update}
              repositories={response?.repositories ?? []}
              text={text}
              onText={setText}
            />
          )}
          {body}
        </Flex>
      </CardBody>
    </Card>
  );
}
