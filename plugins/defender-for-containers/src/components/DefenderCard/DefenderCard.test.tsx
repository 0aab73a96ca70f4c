import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { SWRConfig } from 'swr';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ResponseError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import type { EntityDefenderResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef, type DefenderApi } from '../../api/DefenderApi';
import {
  componentEntity,
  connectorIdOf,
  counts,
  healthyConnector,
  missingOrganization,
  pendingConnector,
  responseWith,
  unhealthyConnector,
  ZERO,
} from '../../__fixtures__/defenderResponses';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { onboardingTemplateRouteRef } from '../../routes';
import { EntityDefenderCard } from './EntityDefenderCard';

// Test apps render slowly on a busy shared machine; the default 5 s is not about behaviour.
jest.setTimeout(20_000);

const PAYMENTS = componentEntity('payments-api', {
  'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
});

function renderCard(
  api: DefenderApi,
  options: { entity?: Entity; canRefresh?: boolean } = {},
) {
  // usePermission caches answers in SWR's global cache: a fresh cache per test, so one test's
  // DENY is not another's ALLOW.
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={options.entity ?? PAYMENTS}>
        <EntityDefenderCard />
      </EntityProvider>
    </SWRConfig>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/create/templates/:namespace/:templateName':
          onboardingTemplateRouteRef,
      },
      apis: [
        [defenderApiRef, api],
        mockApis.permission({
          authorize: options.canRefresh
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        }),
      ],
    },
  );
}

/** The card with the refresh permission, after a click on its Refresh button. */
async function renderCardAndRefresh(api: DefenderApi) {
  renderCard(api, { canRefresh: true });
  fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
}

/** The card shows exactly one code block, matching `pattern`. */
async function expectOneSnippetMatching(pattern: RegExp) {
  // the syntax highlighter (loaded lazily) splits the snippet into tokens: read the block
  await waitFor(() =>
    expect(
      [...document.querySelectorAll('pre')].map(pre => pre.textContent),
    ).toEqual([expect.stringMatching(pattern)]),
  );
}

const answering = (response: EntityDefenderResponse) =>
  defenderApiWith({ getEntityDefender: jest.fn(async () => response) });

async function backendError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name,
          message,
          stack: `${name}: ${message}\n    at secret.ts:1:1`,
        },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

/** The card for PAYMENTS, the backend failing its read with Backstage's error body. */
async function renderCardFailing(
  status: number,
  name: string,
  message: string,
) {
  const error = await backendError(status, name, message);
  return renderCard(
    defenderApiWith({ getEntityDefender: jest.fn().mockRejectedValue(error) }),
  );
}

describe('DefenderCard', () => {
  it('without annotations says what to add, with a copyable snippet of this entity, and asks the backend nothing', async () => {
    const api = defenderApiWith({});
    renderCard(api, { entity: componentEntity('docs-site') });
    expect(
      await screen.findByText(/names no Docker Hub organization or repository/),
    ).toBeInTheDocument();
    await expectOneSnippetMatching(
      /kind: Component\nmetadata:\n {2}name: docs-site\n {2}annotations:\n(.*\n)* {4}microsoft\.com\/defender-dockerhub-repository: <org>\/<repo>/,
    );
    expect(
      screen.getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
    expect(api.getEntityDefender).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    renderCard(
      defenderApiWith({ getEntityDefender: () => new Promise(() => {}) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend’s message on an error, not its stack', async () => {
    await renderCardFailing(500, 'Error', 'database is locked');
    expect(await screen.findByText('database is locked')).toBeInTheDocument();
    expect(screen.getByText(/HTTP 500/)).toBeInTheDocument();
    expect(screen.queryByText(/secret\.ts/)).not.toBeInTheDocument();
  });

  it('says which permission to ask for when not allowed (403)', async () => {
    await renderCardFailing(
      403,
      'NotAllowedError',
      'Missing permission defender-for-containers.connector.read',
    );
    expect(
      await screen.findByText(/You may not see Defender/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('defender-for-containers.connector.read'),
    ).toBeInTheDocument();
  });

  it('says what to configure when Azure is not configured (503)', async () => {
    await renderCardFailing(
      503,
      'ServiceUnavailableError',
      'Defender for Containers has no Azure configuration: set defenderForContainers.azure.credential and defenderForContainers.azure.subscriptions',
    );
    expect(
      await screen.findByText(/not configured in this Backstage/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/set defenderForContainers\.azure\.credential/),
    ).toBeInTheDocument();
    await expectOneSnippetMatching(
      /defenderForContainers:\n {2}azure:(.*\n)* {4}subscriptions:/,
    );
  });

  it('offers the onboarding template, prefilled with the organization, for one not onboarded', async () => {
    renderCard(answering(responseWith([missingOrganization('globex')])));
    expect(await screen.findByText('Not onboarded')).toBeInTheDocument();
    // A link styled as a button: it leads to the template's page (the plugin's external route)
    const link = screen.getByRole('link', {
      name: /Onboard globex to Defender/,
    });
    expect(link.tagName).toBe('A');
    const url = new URL(link.getAttribute('href')!, 'http://app');
    expect(url.pathname).toBe(
      '/create/templates/default/defender-onboard-dockerhub',
    );
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      organization: 'globex',
    });
  });

  it('shows a connector the viewer may not read as "Not allowed", with the reason and nothing else', async () => {
    renderCard(
      answering(
        responseWith([
          healthyConnector(),
          {
            status: 'notAllowed',
            organization: 'initech',
            message:
              'You may not see the Defender data of Docker Hub initech: it is shown to those who may read resource:default/defender-dockerhub-initech in the catalog.',
          },
        ]),
      ),
    );
    const section = await screen.findByRole('region', {
      name: 'Docker Hub initech',
    });
    expect(within(section).getByText('Not allowed')).toBeInTheDocument();
    expect(
      within(section).getByText(
        /may read resource:default\/defender-dockerhub-initech/,
      ),
    ).toBeInTheDocument();
    // No counts, links or actions of its own.
    expect(within(section).queryAllByRole('link')).toEqual([]);
    expect(within(section).queryAllByRole('button')).toEqual([]);
  });

  it('shows a pending connector as waiting for its first scan, without findings', async () => {
    renderCard(answering(responseWith([pendingConnector('acme')])));
    expect(await screen.findByText('Pending first scan')).toBeInTheDocument();
    expect(
      screen.getByText(/appear after Defender’s first scan/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/open vulnerability findings/),
    ).not.toBeInTheDocument();
    expect(screen.getByTestId('status-pending')).toBeInTheDocument();
  });

  it('shows a healthy connector without findings', async () => {
    const clean = healthyConnector('umbrella', {
      totals: ZERO,
      findings: { totals: ZERO, repositories: [], images: [], worst: [] },
    });
    renderCard(answering(responseWith([clean])));
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(screen.getAllByTestId('status-ok')).toHaveLength(2);
    expect(
      screen.getByText(/No open vulnerability findings/),
    ).toBeInTheDocument();
  });

  it('never shows "no findings" when Defender has reported no findings data', async () => {
    const unknown = healthyConnector('umbrella', {
      totals: ZERO,
      findings: {
        totals: ZERO,
        repositories: [],
        images: [],
        worst: [],
        reported: false,
        missingSince: '2026-03-01T10:00:00.000Z',
      },
    });
    renderCard(answering(responseWith([unknown])));
    expect(
      await screen.findByText('No findings data from Defender yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/since the connector was created \(Mar 1, 2026\)/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/No open vulnerability findings/),
    ).not.toBeInTheDocument();
    expect(screen.getByTestId('status-warning')).toBeInTheDocument();
  });

  it('shows a healthy connector’s findings: counts by severity, per repository, the worst with their fix', async () => {
    renderCard(answering(responseWith([healthyConnector('acme')])));
    expect(
      await screen.findByText(
        '50 open vulnerability findings in acme/payments-api',
      ),
    ).toBeInTheDocument();
    const bars = screen.getByLabelText(
      'Open findings: 3 critical, 8 high, 15 medium, 24 low',
    );
    expect(
      within(bars).getByText('Critical').nextSibling?.nextSibling,
    ).toHaveTextContent('3');
    expect(
      within(bars).getByText('Low').nextSibling?.nextSibling,
    ).toHaveTextContent('24');

    const byRepo = screen.getByRole('table', {
      name: 'Findings by repository',
    });
    expect(within(byRepo).getByText('acme/payments-api')).toBeInTheDocument();
    expect(
      within(byRepo).getByText('3 critical, 8 high, 15 medium, 24 low'),
    ).toBeInTheDocument();

    const worst = screen.getByRole('table', { name: 'Worst findings' });
    const openssl = within(worst)
      .getByText('openssl: CVE-2026-0001')
      .closest('tr')!;
    expect(openssl).toHaveTextContent('Critical');
    expect(openssl).toHaveTextContent('3.0.14');
    expect(
      within(worst).getByText('zlib: CVE-2026-0002').closest('tr'),
    ).toHaveTextContent('no fix yet');

    expect(
      screen.getByRole('img', { name: /3 days: open findings 52 → 50/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open in the Azure portal/ }),
    ).toHaveAttribute('href', expect.stringContaining(connectorIdOf('acme')));
  });

  it('shows an unhealthy connector’s issues with description and remediation, expandable from the keyboard', async () => {
    renderCard(answering(responseWith([unhealthyConnector('initech')])));
    expect(await screen.findByText('Unhealthy')).toBeInTheDocument();
    expect(screen.getByTestId('status-error')).toBeInTheDocument();

    const first = screen.getByRole('button', {
      name: /Docker Hub credentials are invalid/,
    });
    expect(first).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByText(/access token stored in the connector was revoked/),
    ).toBeVisible();
    expect(screen.getByText(/run the rotate template/)).toBeVisible();

    const second = screen.getByRole('button', {
      name: /Some repositories could not be listed/,
    });
    expect(second).toHaveAttribute('aria-expanded', 'false');
    second.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(second).toHaveAttribute('aria-expanded', 'true'),
    );
    expect(screen.getByText(/Invite the dedicated user/)).toBeVisible();
    await userEvent.keyboard(' ');
    await waitFor(() =>
      expect(second).toHaveAttribute('aria-expanded', 'false'),
    );
  });

  it('shows a stale connector’s last good data, as of when, and why it could not refresh', async () => {
    const stale = healthyConnector('acme', {
      status: 'stale',
      staleSince: '2026-03-01T09:00:00.000Z',
      lastError: 'AuthorizationFailed (x-ms-request-id 1234)',
    });
    renderCard(answering(responseWith([stale])));
    expect(await screen.findByText('Stale')).toBeInTheDocument();
    expect(
      screen.getByText(/Showing the last good data, as of/),
    ).toHaveTextContent(/AuthorizationFailed \(x-ms-request-id 1234\)/);
    // the last good findings are still there
    expect(
      screen.getByText(/50 open vulnerability findings/),
    ).toBeInTheDocument();
  });

  it('shows several connectors at once, each with its own status', async () => {
    renderCard(
      answering(
        responseWith([
          healthyConnector('acme'),
          unhealthyConnector('initech'),
          missingOrganization('globex'),
        ]),
      ),
    );
    for (const name of [
      'Docker Hub acme',
      'Docker Hub initech',
      'Docker Hub globex',
    ]) {
      expect(await screen.findByRole('heading', { name })).toBeInTheDocument();
    }
    expect(screen.getByText('Healthy')).toBeInTheDocument();
    expect(screen.getByText('Unhealthy')).toBeInTheDocument();
    expect(screen.getByText('Not onboarded')).toBeInTheDocument();
  });

  it('shows many connectors as one line each, with status and counts, opening on demand', async () => {
    renderCard(
      answering(
        responseWith([
          healthyConnector('acme'),
          unhealthyConnector('initech'),
          pendingConnector('umbrella'),
          healthyConnector('zeta'),
          missingOrganization('globex'),
        ]),
      ),
    );
    const initech = (
      await screen.findByRole('heading', { name: 'Docker Hub initech' })
    ).closest('section')!;
    expect(initech).toHaveTextContent('Unhealthy');
    expect(initech).toHaveTextContent(
      '2 issues · 3 critical, 8 high, 15 medium, 24 low',
    );
    // details wait until asked for
    expect(screen.queryByText('What is wrong and how to fix it')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    const details = within(initech).getByRole('button', {
      name: 'Details of Docker Hub initech',
    });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(initech).getByText('What is wrong and how to fix it'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('table', { name: 'Worst findings' }),
    ).toHaveLength(1);
    // the organization without a connector still offers onboarding
    expect(
      screen.getByRole('link', { name: /Onboard globex to Defender/ }),
    ).toBeInTheDocument();
  });

  it('lists ignored annotation values with their reasons', async () => {
    renderCard(
      answering(
        responseWith([healthyConnector('acme')], {
          ignored: [
            {
              annotation: 'microsoft.com/defender-dockerhub-repository',
              value: 'acme/api:latest',
              reason: 'a repository is org/repo, without tag or digest',
            },
          ],
        }),
      ),
    );
    const ignored = await screen.findByLabelText('Ignored annotation values');
    expect(ignored).toHaveTextContent('One annotation value was ignored');
    expect(ignored).toHaveTextContent('acme/api:latest');
    expect(ignored).toHaveTextContent(
      'a repository is org/repo, without tag or digest',
    );
  });

  it('says so when every annotation value was ignored', async () => {
    renderCard(
      answering(
        responseWith([], {
          ignored: [
            {
              annotation: 'microsoft.com/defender-dockerhub-organization',
              value: 'Not An Org',
              reason: 'not a Docker Hub organization name',
            },
          ],
        }),
      ),
    );
    expect(
      await screen.findByText(/name nothing Backstage can look up/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/not a Docker Hub organization name/),
    ).toBeInTheDocument();
  });

  it('offers Refresh only with the refresh permission', async () => {
    renderCard(answering(responseWith([healthyConnector('acme')])), {
      canRefresh: false,
    });
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Refresh' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText(/Last refreshed/)).toBeInTheDocument();
  });

  it('refreshes on demand: asks the backend, polls the entity until the refresh landed, then shows it', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const before = pendingConnector('acme');
      const landed = healthyConnector('acme', {
        refreshedAt: '2026-03-01T10:00:05.000Z',
      });
      const getEntityDefender = jest
        .fn()
        .mockResolvedValueOnce(responseWith([before])) // first load
        .mockResolvedValueOnce(responseWith([before])) // poll 1: not landed yet
        .mockResolvedValue(responseWith([landed])); // poll 2: landed
      const refreshConnector = jest.fn(async (id: string) => ({
        id,
        requestedAt: '2026-03-01T10:00:00.000Z',
      }));
      await renderCardAndRefresh(
        defenderApiWith({ getEntityDefender, refreshConnector }),
      );
      expect(refreshConnector).toHaveBeenCalledWith(connectorIdOf('acme'));
      expect(
        await screen.findByText(/Reading the connector from Azure/),
      ).toBeInTheDocument();
      await act(async () => {
        await jest.advanceTimersByTimeAsync(2_000);
      });
      expect(screen.getByText('Pending first scan')).toBeInTheDocument();
      await act(async () => {
        await jest.advanceTimersByTimeAsync(2_000);
      });
      expect(await screen.findByText('Healthy')).toBeInTheDocument();
      expect(screen.getByText('Refreshed.')).toBeInTheDocument();
      expect(getEntityDefender).toHaveBeenCalledTimes(3);
      expect(
        screen.getByText(/50 open vulnerability findings/),
      ).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops polling after its bound and says the refresh goes on in the background', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const getEntityDefender = jest.fn(async () =>
        responseWith([healthyConnector('acme')]),
      );
      await renderCardAndRefresh(
        defenderApiWith({
          getEntityDefender,
          refreshConnector: async id => ({
            id,
            requestedAt: '2030-01-01T00:00:00.000Z',
          }),
        }),
      );
      await act(async () => {
        await jest.advanceTimersByTimeAsync(70_000);
      });
      expect(
        await screen.findByText(/Still refreshing in the background/),
      ).toBeInTheDocument();
      expect(getEntityDefender).toHaveBeenCalledTimes(31); // load + 30 polls
      await act(async () => {
        await jest.advanceTimersByTimeAsync(60_000);
      });
      expect(getEntityDefender).toHaveBeenCalledTimes(31);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when a refresh was refused because one ran moments ago (429)', async () => {
    const error = await backendError(
      429,
      'TooManyRequestsError',
      'This connector was refreshed on demand moments ago; try again in 42 s',
    );
    await renderCardAndRefresh(
      defenderApiWith({
        getEntityDefender: async () => responseWith([healthyConnector('acme')]),
        refreshConnector: jest.fn().mockRejectedValue(error),
      }),
    );
    expect(await screen.findByText(/try again in 42 s/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });

  it('on a connector’s own entity page, does not link the connector to itself', async () => {
    const resource: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'defender-dockerhub-acme',
        namespace: 'default',
        annotations: {
          'microsoft.com/defender-connector-id': connectorIdOf('acme'),
        },
      },
      spec: { type: 'defender-connector', owner: 'guests' },
    };
    renderCard(answering(responseWith([healthyConnector('acme')])), {
      entity: resource,
    });
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(
      screen.queryByText('Connector in the catalog'),
    ).not.toBeInTheDocument();
  });

  it('keeps counts readable when a severity has none', async () => {
    const some = healthyConnector('acme', {
      findings: {
        ...healthyConnector('acme').findings,
        totals: counts(0, 2, 0, 1),
      },
    });
    renderCard(answering(responseWith([some])));
    expect(
      await screen.findByLabelText('Open findings: 2 high, 1 low'),
    ).toBeInTheDocument();
  });
});
