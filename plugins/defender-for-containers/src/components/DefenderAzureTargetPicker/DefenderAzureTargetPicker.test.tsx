import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import { ResponseError } from '@backstage/errors';
import { defenderApiRef, type DefenderApi } from '../../api/DefenderApi';
import { DefenderAzureTargetPicker } from './DefenderAzureTargetPicker';

// Test apps render slowly on a busy shared machine; the default 5 s is not about behaviour.
jest.setTimeout(20_000);

const subscriptions: AllowedSubscription[] = [
  {
    id: 'sub-a',
    displayName: 'Security',
    resourceGroups: ['rg-sec', 'rg-sec-2'],
    defaults: { resourceGroup: 'rg-sec', location: 'westeurope' },
  },
  {
    id: 'sub-b',
    displayName: 'Sandbox',
    resourceGroups: ['rg-sandbox'],
    defaults: { location: 'eastus' },
  },
];

function renderPicker(
  api: Pick<DefenderApi, 'listAllowedSubscriptions'>,
  formData?: object,
  uiOptions?: { location?: boolean },
  language = 'en',
) {
  const onChange = jest.fn();
  const props = {
    onChange,
    formData,
    schema: {},
    uiSchema: uiOptions ? { 'ui:options': uiOptions } : {},
    idSchema: { $id: 'root_azure' },
    rawErrors: [],
    required: true,
  } as any;
  return {
    onChange,
    rendered: renderInTestApp(
      <TestApiProvider apis={[[defenderApiRef, api as DefenderApi]]}>
        <DefenderAzureTargetPicker {...props} />
      </TestApiProvider>,
      {
        apis: [
          mockApis.appLanguage({
            defaultLanguage: language,
            availableLanguages: ['en', 'de'],
          }),
        ],
      },
    ),
  };
}

describe('DefenderAzureTargetPicker', () => {
  it('preselects the first allowed subscription with its defaults', async () => {
    const { onChange } = renderPicker({
      listAllowedSubscriptions: async () => subscriptions,
    });
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({
        subscriptionId: 'sub-a',
        resourceGroup: 'rg-sec',
        location: 'westeurope',
      }),
    );
  });

  it('offers only the allowed subscriptions and resets the resource group on change', async () => {
    const { onChange } = renderPicker(
      { listAllowedSubscriptions: async () => subscriptions },
      {
        subscriptionId: 'sub-a',
        resourceGroup: 'rg-sec-2',
        location: 'westeurope',
      },
    );
    fireEvent.mouseDown((await screen.findAllByRole('button'))[0]);
    const options = within(await screen.findByRole('listbox')).getAllByRole(
      'option',
    );
    expect(options.map(o => o.textContent)).toEqual([
      'Choose a subscription',
      'Security (sub-a)',
      'Sandbox (sub-b)',
    ]);
    // the placeholder cannot be chosen
    expect(options[0]).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(options[2]);
    expect(onChange).toHaveBeenLastCalledWith({
      subscriptionId: 'sub-b',
      resourceGroup: 'rg-sandbox',
      location: 'eastus',
    });
  });

  it('tells the operator what to configure when no subscription is allowed', async () => {
    renderPicker({ listAllowedSubscriptions: async () => [] });
    expect(
      await screen.findByText(/defenderForContainers\.azure\.subscriptions/),
    ).toBeInTheDocument();
  });

  it('shows the backend error instead of an empty choice', async () => {
    renderPicker({
      listAllowedSubscriptions: async () => {
        throw new Error('backend unavailable');
      },
    });
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('says which permission to ask for when the backend refuses the list (403)', async () => {
    const refused = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message:
              'The permission defender-for-containers.connector.create is denied',
          },
          response: { statusCode: 403 },
        }),
        {
          status: 403,
          statusText: 'Forbidden',
          headers: { 'content-type': 'application/json' },
        },
      ),
    );
    renderPicker({
      listAllowedSubscriptions: async () => {
        throw refused;
      },
    });
    expect(
      await screen.findByText(
        /You may not onboard, change or offboard Docker Hub connectors: ask your Backstage administrators for the permission defender-for-containers\.connector\.create \(onboard, rotate a token\) or defender-for-containers\.connector\.delete \(offboard\)\./,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.queryByText(/Forbidden/)).toBeNull();
  });

  it('hides the location for templates that act on an existing connector', async () => {
    renderPicker(
      { listAllowedSubscriptions: async () => subscriptions },
      { subscriptionId: 'sub-a', resourceGroup: 'rg-sec' },
      { location: false },
    );
    await screen.findByText('Security (sub-a)');
    expect(screen.queryByLabelText(/Location/)).toBeNull();
  });

  it('speaks the app’s language', async () => {
    renderPicker(
      { listAllowedSubscriptions: async () => subscriptions },
      { subscriptionId: 'sub-a', resourceGroup: 'rg-sec' },
      undefined,
      'de',
    );
    expect(await screen.findByText('Azure-Abonnement')).toBeInTheDocument();
    expect(screen.getByText('Ressourcengruppe')).toBeInTheDocument();
    expect(screen.getByLabelText(/Region/)).toHaveAttribute(
      'placeholder',
      'z. B. westeurope',
    );
  });
});
