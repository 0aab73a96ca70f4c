import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cveUrl } from '@defender-backstage/plugin-defender-for-containers-common';
import { componentEntity } from '../../__fixtures__/defenderResponses';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { finding, findingsOf } from '../../__fixtures__/findings';
import { answerFindings } from '../../__fixtures__/findingsBackend';
import { backendError } from '../../__testUtils__/renderDefenderCard';
import {
  findingsApi,
  renderFindingsTab,
  rows,
  searchParams,
} from '../../__testUtils__/renderFindingsTab';

/** 60 findings of two repositories: 15 per severity, 36 with a fix. */
const SIXTY = findingsOf('acme', ['payments-api', 'payments-worker'], 60);

describe('EntityDefenderFindingsContent', () => {
  it('lists the first page, most severe first, with every column', async () => {
    const { api, getEntityFindings } = findingsApi(SIXTY);
    renderFindingsTab(api);
    expect(await screen.findByText('1–25 of 60')).toBeInTheDocument();
    expect(getEntityFindings).toHaveBeenCalledTimes(1);
    expect(getEntityFindings).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'payments-api' },
      { sort: 'severity', order: 'asc', limit: 25 },
    );
    const page = rows();
    expect(page).toHaveLength(25);
    // image, package, CVEs, severity, installed, fixed, first seen (in the app's language)
    expect(page[0]).toEqual([
      'acme/payments-api:1.0.0',
      'openssl',
      'CVE-2025-0001',
      'Critical',
      '3.0.11',
      '3.0.14',
      'Jan 1, 2026',
    ]);
    expect(page[1]).toContain('No fix available');
    expect(page.slice(0, 15).every(r => r[3] === 'Critical')).toBe(true);
    expect(page[15][3]).toBe('High');

    // the counts the filters choose from
    const counts = screen.getByRole('list', { name: /Counts of all/ });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      '60 open findings',
      '15 critical',
      '15 high',
      '15 medium',
      '15 low',
      '36 fixable',
    ]);
  });

  it('links each CVE to its public record, in a new tab', async () => {
    const { api } = findingsApi([
      finding({ cves: ['CVE-2026-0001', 'GHSA-abcd-efgh-ijkl'] }),
    ]);
    renderFindingsTab(api);
    const cve = await screen.findByRole('link', {
      name: 'CVE-2026-0001 (opens in a new tab)',
    });
    expect(cve).toHaveAttribute('href', cveUrl('CVE-2026-0001'));
    expect(cve).toHaveAttribute(
      'href',
      'https://www.cve.org/CVERecord?id=CVE-2026-0001',
    );
    expect(cve).toHaveAttribute('target', '_blank');
    expect(cve.getAttribute('rel')).toMatch(/\bnoopener\b/);
    expect(
      screen.getByRole('link', { name: /GHSA-abcd-efgh-ijkl/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/advisories/GHSA-abcd-efgh-ijkl',
    );
  });

  it('shows a severity in its colour and as its word, and an untagged image by its digest', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const { api } = findingsApi([
      finding({ severity: 'High', image: `acme/payments-api@${digest}` }),
    ]);
    renderFindingsTab(api);
    const severity = await screen.findByText('High', {
      selector: '[data-severity]',
    });
    expect(severity.style.color).not.toBe('');
    const image = screen.getByTitle(`acme/payments-api@${digest}`);
    expect(image).toHaveTextContent('acme/payments-api@sha256:abababababab…');
  });

  it('sorts on the server when a header is clicked, from the first page', async () => {
    const { api, lastRequest } = findingsApi(SIXTY);
    renderFindingsTab(api);
    await screen.findByText('1–25 of 60');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('26–50 of 60');

    const firstSeen = () =>
      screen.getByRole('columnheader', { name: /First seen/ });
    await userEvent.click(firstSeen());
    await screen.findByText('1–25 of 60');
    expect(lastRequest()).toEqual({
      sort: 'firstSeen',
      order: 'asc',
      limit: 25,
    });
    expect(firstSeen()).toHaveAttribute('aria-sort', 'ascending');
    expect(rows()[0][6]).toBe('Jan 1, 2026');
    await userEvent.click(firstSeen());
    await waitFor(() =>
      expect(lastRequest()).toMatchObject({ sort: 'firstSeen', order: 'desc' }),
    );
    expect(firstSeen()).toHaveAttribute('aria-sort', 'descending');
    await waitFor(() => expect(rows()[0][6]).toBe('Feb 28, 2026'));
    expect(Object.fromEntries(searchParams())).toEqual({
      sort: 'firstSeen',
      order: 'desc',
    });
  });

  it('says so when the entity has no findings at all', async () => {
    const { api } = findingsApi([], { narrowedTo: ['acme/payments-api'] });
    renderFindingsTab(api);
    expect(
      await screen.findByText('No open vulnerability findings.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Only findings of acme\/payments-api/),
    ).toBeInTheDocument();
    // nothing to filter
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('says so when no finding matches, and clears the filters on request', async () => {
    const { api, lastRequest } = findingsApi(SIXTY);
    renderFindingsTab(api, { url: '/?q=no-such-package&fixable=true' });
    expect(
      await screen.findByText('No findings match these filters.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await screen.findByText('1–25 of 60');
    expect(searchParams().toString()).toBe('');
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(lastRequest()).toEqual({
      sort: 'severity',
      order: 'asc',
      limit: 25,
    });
  });

  it('says which connectors’ findings are kept only in part, and which are hidden from the reader', async () => {
    const { api } = findingsApi(SIXTY, {
      narrowedTo: ['acme/payments-api', 'acme/payments-worker'],
      truncated: [
        {
          connectorId: 'c-acme',
          organization: 'acme',
          stored: 5000,
          open: 7342,
        },
      ],
      notAllowed: [
        {
          status: 'notAllowed',
          organization: 'initech',
          message:
            'You may not read resource:default/defender-dockerhub-initech in the catalog.',
        },
      ],
    });
    renderFindingsTab(api);
    expect(
      await screen.findByText(
        'Backstage keeps the 5,000 most severe of 7,342 open findings of acme; the rest are in the Azure portal.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Findings of Docker Hub initech are not shown to you.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'You may not read resource:default/defender-dockerhub-initech in the catalog.',
      ),
    ).toHaveAttribute('lang', 'en');
    expect(
      screen.getByText(
        /Only findings of acme\/payments-api, acme\/payments-worker/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend’s message on an error, and loads again on Retry', async () => {
    const error = await backendError(500, 'Error', 'database is locked');
    const getEntityFindings = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockImplementation((_ref, request) => answerFindings(SIXTY, request));
    renderFindingsTab(defenderApiWith({ getEntityFindings }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^Could not load the findings \(HTTP 500\):\s*database is locked/,
    );
    expect(alert).not.toHaveTextContent('secret.ts');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1–25 of 60')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the permission to ask for when the backend refuses (403)', async () => {
    const error = await backendError(
      403,
      'NotAllowedError',
      'Missing permission defender-for-containers.connector.read',
    );
    renderFindingsTab(
      defenderApiWith({
        getEntityFindings: jest.fn().mockRejectedValue(error),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /Ask your Backstage administrators for the permission defender-for-containers\.connector\.read/,
    );
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('offers the first page when a later page’s cursor has expired', async () => {
    let expired = false;
    const getEntityFindings = jest.fn(async (_ref, request: any) => {
      if (expired && request.cursor) {
        throw await backendError(400, 'InputError', 'Invalid cursor');
      }
      return answerFindings(SIXTY, request);
    });
    renderFindingsTab(defenderApiWith({ getEntityFindings }));
    await screen.findByText('1–25 of 60');
    expired = true;
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/\(HTTP 400\):\s*Invalid cursor/);
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Back to the first page' }),
    );
    expect(await screen.findByText('1–25 of 60')).toBeInTheDocument();
    expect(getEntityFindings.mock.lastCall![1]).not.toHaveProperty('cursor');
  });

  it('shows what to annotate on an entity without annotations, and asks the backend nothing', async () => {
    const { api, getEntityFindings } = findingsApi(SIXTY);
    renderFindingsTab(api, { entity: componentEntity('docs-site') });
    expect(
      await screen.findByText(/names no Docker Hub organization or repository/),
    ).toBeInTheDocument();
    expect(getEntityFindings).not.toHaveBeenCalled();
  });
});
