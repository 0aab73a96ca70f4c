import { scrubSecrets } from '../util/scrubSecrets';
import { DockerHubError } from './DockerHubError';
import { parseRetryAfter } from './parseRetryAfter';

/** One Docker Hub answer, its body read whole (an unreadable JSON body leaves `json` undefined). */
export interface DockerHubResponse {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
  json: any;
}

/** How much of Docker's message an error keeps: enough to act on, not a whole page. */
const MAX_DETAIL_LENGTH = 300;

/**
 * Docker's own words about a failure, scrubbed of `secrets`. The field depends on who answers:
 * the Hub API's `error` schema has `message` and `detail`
 * (https://docs.docker.com/reference/api/hub/latest/), the registry token service writes
 * `details`, some gateways `error`; the first one present wins. A JSON body with none of them
 * says nothing: its raw form could hold anything.
 */
export function responseDetail(
  res: DockerHubResponse,
  secrets: string[],
): string | undefined {
  const j = res.json;
  const raw =
    (typeof j?.message === 'string' && j.message) ||
    (typeof j?.detail === 'string' && j.detail) ||
    (typeof j?.details === 'string' && j.details) ||
    (typeof j?.error === 'string' && j.error) ||
    (j === undefined && res.text ? plainText(res.text) : undefined);
  return raw
    ? scrubSecrets(String(raw), secrets).slice(0, MAX_DETAIL_LENGTH)
    : undefined;
}

/** The `DockerHubError` of an unexpected answer; a 429 carries how long Docker asked to wait. */
export function responseError(
  op: string,
  res: DockerHubResponse,
  secrets: string[],
): DockerHubError {
  const retryAfter = parseRetryAfter(res.headers);
  return new DockerHubError({
    operation: op,
    status: res.status,
    detail: responseDetail(res, secrets),
    retryAfterSeconds:
      res.status === 429 && retryAfter !== undefined
        ? Math.ceil(retryAfter / 1000)
        : undefined,
  });
}

/**
 * A gateway or proxy in front of Docker Hub answers 502/504 with an HTML page; its markup would
 * only clutter the task log, so an HTML body shrinks to its title (or its text).
 */
function plainText(body: string): string {
  if (!/^\s*</.test(body)) return body;
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text ? `an HTML error page: ${text}` : 'an HTML error page';
}
