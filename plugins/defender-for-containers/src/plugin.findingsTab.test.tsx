import { screen } from '@testing-library/react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import plugin, {
  defenderApiRef,
  defenderForContainersTranslationRef,
} from './index';
import { componentEntity } from './__fixtures__/defenderResponses';
import { defenderApiWith } from './__fixtures__/defenderApiWith';
import { finding } from './__fixtures__/findings';
import { answerFindings } from './__fixtures__/findingsBackend';

const FINDINGS_TAB = 'entity-content:defender-for-containers/findings';

describe('the Findings tab extension (new frontend system)', () => {
  it('adds the tab at defender-findings, titled in the app’s language, only on entities with a Defender annotation', () => {
    const tester = createExtensionTester(plugin.getExtension(FINDINGS_TAB), {
      apis: [mockApis.translation()],
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('defender-findings');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Findings');
    expect(
      tester.get(EntityContentBlueprint.dataRefs.titleTranslation),
    ).toMatchObject({
      ref: defenderForContainersTranslationRef,
      key: 'findingsTab.title',
    });
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(
      filter(
        componentEntity('payments-api', {
          'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
        }),
      ),
    ).toBe(true);
    expect(
      filter(
        componentEntity('legacy-billing', {
          'microsoft.com/defender-dockerhub-organization': 'initech',
        }),
      ),
    ).toBe(true);
    expect(filter(componentEntity('docs-site'))).toBe(false);
  });

  it('renders the Findings tab for the entity in context, lazily', async () => {
    const getEntityFindings = jest.fn(async (_ref: any, request: any) =>
      answerFindings([finding()], request),
    );
    const apis = [
      [defenderApiRef, defenderApiWith({ getEntityFindings })],
      mockApis.translation(),
    ] as const;
    const element = createExtensionTester(plugin.getExtension(FINDINGS_TAB), {
      apis,
    }).reactElement();
    renderInTestApp(
      <EntityProvider
        entity={componentEntity('payments-api', {
          'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
        })}
      >
        {element}
      </EntityProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        apis,
      },
    );
    expect(
      await screen.findByRole('link', { name: /CVE-2026-0001/ }),
    ).toBeInTheDocument();
    expect(getEntityFindings).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'payments-api' },
      { sort: 'severity', order: 'asc', limit: 25 },
    );
  });
});
