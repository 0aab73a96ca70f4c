import type { Agent } from 'undici';

/**
 * The subset of `fetch` the client uses; injectable so tests can observe (not fake) traffic.
 * @public
 */
export type DockerHubFetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    dispatcher?: Agent;
    /** Always `manual`: a redirect is never followed with the credentials. */
    redirect?: 'manual';
  },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;
