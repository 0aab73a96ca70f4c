import { SWRConfig } from 'swr';
import { ResponseError } from '@backstage/errors';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import type { Entity } from '@backstage/catalog-model';
import { defenderApiRef, type DefenderApi } from '../api/DefenderApi';
import { EntityDefenderCard } from '../components/DefenderCard/EntityDefenderCard';
import { onboardingTemplateRouteRef, rotateTemplateRouteRef } from '../routes';
import { componentEntity } from '../__fixtures__/defenderResponses';

/** Test helpers of the entity card: the app around it, a backend error, a signals channel. */

export const PAYMENTS = componentEntity('payments-api', {
  'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
});

/**
 * The card in a test app as the new frontend system renders it: the entity in context, the
 * catalog's and the onboarding template's routes, the given Defender API and permission answer;
 * in `language` (`de`: German, loaded as an app that selects it loads it); with `signalApi`,
 * signals are installed.
 */
export function renderDefenderCard(
  api: DefenderApi,
  options: {
    entity?: Entity;
    canRefresh?: boolean;
    language?: string;
    signalApi?: SignalApi;
  } = {},
) {
  const language = options.language ?? 'en';
  // usePermission caches answers in SWR's global cache: a fresh cache per render.
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
        '/rotate/templates/:namespace/:templateName': rotateTemplateRouteRef,
      },
      apis: [
        [defenderApiRef, api],
        mockApis.permission({
          authorize: options.canRefresh
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        }),
        mockApis.appLanguage({
          defaultLanguage: language,
          availableLanguages: ['en', 'de'],
        }),
        ...(options.signalApi
          ? [[signalApiRef, options.signalApi] as const]
          : []),
      ],
    },
  );
}

/** The error a Backstage backend answers with, stack included (which the card must not show). */
export async function backendError(
  status: number,
  name: string,
  message: string,
) {
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

/** A message on a signals channel (a JSON object). */
type SignalMessage = Parameters<Parameters<SignalApi['subscribe']>[1]>[0];

/** A signals API whose channels' messages a test sends with `publish`. */
export function fakeSignals() {
  const subscribers = new Map<string, Set<(message: SignalMessage) => void>>();
  const signalApi: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      subscribers.set(channel, set);
      const handler = onMessage as (message: SignalMessage) => void;
      set.add(handler);
      return { unsubscribe: () => set.delete(handler) };
    },
  };
  return {
    signalApi,
    subscriberCount: (channel: string) => subscribers.get(channel)?.size ?? 0,
    publish(channel: string, message: SignalMessage) {
      subscribers.get(channel)?.forEach(handler => handler(message));
    },
  };
}
