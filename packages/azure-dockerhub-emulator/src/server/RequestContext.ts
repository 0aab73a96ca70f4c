import { IncomingMessage, ServerResponse } from 'node:http';
import { responseViolations } from '../spec/responseViolations';
import type { EmulatorCore } from './EmulatorCore';

export type Surface = 'arm' | 'entra' | 'hub' | 'registry';

export interface RequestContext {
  core: EmulatorCore;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  rawBody: Buffer;
  surface: Surface;
  /** Names a fault spec may use for this route (operation id, resource type, …). */
  routeNames: string[];
  headers: Record<string, string>;
  /** Set by the `staleEtag` fault: someone else "wrote" the resource just before this request. */
  staleEtag: boolean;
  /** Set by the `slowBody` fault: the body trickles out over this many ms. */
  slowBodyMs?: number;
  responded: boolean;
  appliedFaults: string[];
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Bounded, so a long-running dev emulator does not grow without limit. */
const MAX_LOG = 10_000;

export function logRequest(ctx: RequestContext, status: number) {
  const log = ctx.core.state.requestLog;
  if (log.length >= MAX_LOG) log.splice(0, log.length - MAX_LOG + 1);
  // Method, path and status only: query strings may carry scopes, bodies carry secrets.
  log.push({
    at: new Date(ctx.core.now()).toISOString(),
    method: ctx.method,
    path: ctx.path,
    status,
    ...(ctx.appliedFaults.length ? { faults: [...ctx.appliedFaults] } : {}),
  });
}

/** The 500 that replaces an answer breaking its route's schema, or undefined when it is valid. */
function invalidAnswer(
  ctx: RequestContext,
  status: number,
  payload: Buffer,
  contentType?: string,
) {
  const text = payload.toString('utf8');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const issues = responseViolations(ctx.core.specs, ctx.method, ctx.path, {
    status,
    contentType,
    text,
    json,
  });
  if (issues.length === 0) return undefined;
  const message = `The emulator's ${status} answer to ${ctx.method} ${
    ctx.path
  } breaks its schema: ${issues.join('; ')}`;
  // Bodies stay out of the log: they may hold tokens.
  process.stderr.write(`azure-dockerhub-emulator: ${message}\n`);
  return { error: { code: 'EmulatorInvalidResponse', message } };
}

export async function send(
  ctx: RequestContext,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<void> {
  if (ctx.responded) return;
  let payload =
    body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const all: Record<string, string> = { ...ctx.headers, ...headers };
  const typeHeader = Object.keys(all).find(
    h => h.toLowerCase() === 'content-type',
  );
  if (body !== undefined && !typeHeader) {
    all['Content-Type'] = 'application/json; charset=utf-8';
  }
  let answered = status;
  if (ctx.core.validateResponses) {
    const invalid = invalidAnswer(
      ctx,
      status,
      payload,
      all[typeHeader ?? 'Content-Type'],
    );
    if (invalid) {
      answered = 500;
      payload = Buffer.from(JSON.stringify(invalid));
      if (typeHeader) delete all[typeHeader];
      all['Content-Type'] = 'application/json; charset=utf-8';
    }
  }
  ctx.responded = true;
  all['Content-Length'] = String(payload.length);
  logRequest(ctx, answered);
  ctx.res.writeHead(answered, all);
  if (!ctx.slowBodyMs || payload.length === 0) {
    ctx.res.end(payload);
    return;
  }
  ctx.res.flushHeaders();
  const chunks = 10;
  const size = Math.ceil(payload.length / chunks);
  for (let i = 0; i < payload.length; i += size) {
    await sleep(ctx.slowBodyMs / chunks);
    if (ctx.res.destroyed) return;
    ctx.res.write(payload.subarray(i, i + size));
  }
  ctx.res.end();
}
