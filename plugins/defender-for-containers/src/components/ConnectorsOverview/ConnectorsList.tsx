import { useEffect } from 'react';
import AddIcon from '@material-ui/icons/Add';
import { Button, ButtonLink, Flex, Skeleton, Text } from '@backstage/ui';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { defenderApiRef } from '../../api/DefenderApi';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { describeError } from '../format/describeError';
import { ConnectorFilters } from './ConnectorFilters';
import { ConnectorsTable } from './ConnectorsTable';
import { OverviewError } from './OverviewError';
import { OverviewPagination } from './OverviewPagination';
import { useOverviewQuery } from './useOverviewQuery';

export { PAGE_SIZES } from './useOverviewQuery';

/**
 * The overview's list view: every connector of the subscriptions Backstage reads, with status,
 * findings and owner, sorted, filtered and paged by the backend (`GET /connectors`), each row
 * linked to its catalog entity. Filters, search, sort and page live in the URL.
 */
export function ConnectorsList(props: {
  /** The onboarding template's page, offered when there is no connector at all. */
  onboardingHref?: string;
}) {
  const { t } = useDefenderTranslation();
  const api = useApi(defenderApiRef);
  const { query, update, text: typed, setText } = useOverviewQuery();
  const { status, owner, text, sort, order, page, pageSize } = query;
  const load = useAsyncRetry(
    () =>
      api.listConnectors({
        status,
        owner,
        text: text.trim() || undefined,
        sort,
        order: sort ? order : undefined,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [api, status, owner, text, sort, order, page, pageSize],
  );
  const filtered = !!(status || owner || text);
  // A link to a page past the end (connectors went away since it was shared): the last page.
  const total = load.value?.totalCount ?? 0;
  const pastTheEnd = !load.loading && page > 0 && page * pageSize >= total;
  useEffect(() => {
    if (pastTheEnd && load.value) {
      update({ page: Math.max(0, Math.ceil(total / pageSize) - 1) });
    }
  }, [pastTheEnd, load.value, total, pageSize, update]);

  let body;
  if (load.error && !load.loading) {
    // In place of the table: an error and an empty table's "onboard one" would contradict.
    body = (
      <OverviewError error={describeError(load.error)} onRetry={load.retry} />
    );
  } else if (!load.value) {
    body = (
      <Flex
        direction="column"
        gap="2"
        aria-label={t('overview.loading')}
        role="status"
      >
        {[0, 1, 2].map(i => (
          <Skeleton key={i} width="100%" height={40} />
        ))}
      </Flex>
    );
  } else {
    const empty = filtered ? (
      <Flex align="center" gap="3">
        <Text>{t('overview.emptyFiltered')}</Text>
        <Button
          variant="secondary"
          size="small"
          onPress={() =>
            update({ status: undefined, owner: undefined, text: '' })
          }
        >
          {t('overview.clearFilters')}
        </Button>
      </Flex>
    ) : (
      <Flex align="center" gap="3">
        <Text>{t('overview.empty')}</Text>
        {props.onboardingHref && (
          <ButtonLink
            variant="primary"
            size="small"
            href={props.onboardingHref}
            iconStart={<AddIcon fontSize="small" />}
          >
            {t('overview.onboard')}
          </ButtonLink>
        )}
      </Flex>
    );
    body = (
      <>
        <ConnectorsTable
          items={load.value.items}
          sort={sort}
          order={order}
          onSort={(nextSort, nextOrder) =>
            update({ sort: nextSort, order: nextOrder })
          }
          stale={load.loading}
          empty={empty}
        />
        {load.value.totalCount > 0 && (
          <OverviewPagination
            page={page}
            pageSize={pageSize}
            totalCount={load.value.totalCount}
            onPage={next => update({ page: next })}
            onPageSize={next => update({ pageSize: next })}
          />
        )}
      </>
    );
  }

  return (
    <>
      <ConnectorFilters
        query={query}
        onChange={update}
        text={typed}
        onText={setText}
      />
      {body}
    </>
  );
}
