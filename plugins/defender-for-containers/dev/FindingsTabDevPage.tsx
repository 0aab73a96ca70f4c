import { Container, Flex, Link, Text } from '@backstage/ui';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityDefenderFindingsContent } from '../src/components/FindingsTab/EntityDefenderFindingsContent';
import { FINDINGS_STATES } from './fakeFindings';

/**
 * The Findings tab of each dev entity (`/findings-tab?entity=<name>`): the dev app has no catalog
 * backend, so no entity page to put the tab on. The tab keeps `entity` in the URL beside its own
 * filters, as it keeps any parameter it does not own.
 */
export function FindingsTabDevPage() {
  const [params] = useAppSearchParams();
  const name = params.get('entity') ?? FINDINGS_STATES[0].entity.metadata.name;
  const state =
    FINDINGS_STATES.find(s => s.entity.metadata.name === name) ??
    FINDINGS_STATES[0];
  return (
    <Container my="4">
      <Flex gap="4" mb="4" style={{ flexWrap: 'wrap' }}>
        {FINDINGS_STATES.map(s => (
          <Link
            key={s.entity.metadata.name}
            href={`/findings-tab?entity=${s.entity.metadata.name}`}
          >
            {s.title}
          </Link>
        ))}
      </Flex>
      <Text as="h2" variant="title-x-small" style={{ marginBottom: 16 }}>
        {state.title}
      </Text>
      {/* keyed: another entity starts with its own paging */}
      <EntityProvider key={name} entity={state.entity}>
        <EntityDefenderFindingsContent />
      </EntityProvider>
    </Container>
  );
}
