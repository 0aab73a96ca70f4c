import { IncomingMessage, ServerResponse } from 'node:http';
import { handleArm } from '../arm/handleArm';
import { handleHub } from '../dockerhub/handleHub';
import { handleRegistryToken } from '../dockerhub/handleRegistryToken';
import { handleEntra } from '../entra/handleEntra';
import { classifyRequest } from './classifyRequest';
import { EmulatorCore } from './EmulatorCore';
import { faultResponse } from './faultResponse';
import { logRequest, RequestContext, send } from './RequestContext';

const MAX_BODY = 1024 * 1024;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function handleRequest(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', core.url);
  const ctx: RequestContext = {
    core,
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    path: url.pathname,
    query: url.searchParams,
    rawBody: Buffer.alloc(0),
    surface: 'arm',
    routeNames: [],
    headers: {},
    staleEtag: false,
    responded: false,
    appliedFaults: [],
  };
  try {
    ctx.rawBody = await readBody(req);
    const { surface, names } = classifyRequest(ctx);
    ctx.surface = surface;
    ctx.routeNames = names;
    for (const fault of core.faults.take(ctx.method, ctx.path, names)) {
      ctx.appliedFaults.push(
        fault.kind === 'status' ? `status ${fault.status}` : fault.kind,
      );
      if (fault.kind === 'latency') await sleep(fault.latencyMs ?? 1000);
      else if (fault.kind === 'slowBody')
        ctx.slowBodyMs = fault.latencyMs ?? 1000;
      else if (fault.kind === 'staleEtag') ctx.staleEtag = true;
      else if (fault.kind === 'redirect') {
        // Outside the specs on purpose (no route declares a 3xx): written as is, unvalidated.
        logRequest(ctx, 307);
        ctx.responded = true;
        res.writeHead(307, {
          Location: fault.location ?? `https://redirected.invalid${ctx.path}`,
          'Content-Length': '0',
        });
        res.end();
        return;
      } else if (fault.kind === 'reset') {
        logRequest(ctx, 0);
        ctx.responded = true;
        req.socket.destroy();
        return;
      } else {
        await faultResponse(ctx, fault);
        return;
      }
    }
    if (surface === 'registry') await handleRegistryToken(ctx);
    else if (surface === 'hub') await handleHub(ctx);
    else if (surface === 'entra') await handleEntra(ctx);
    else await handleArm(ctx);
  } catch (e) {
    // Never the body: it may hold tokens.
    process.stderr.write(
      `azure-dockerhub-emulator: ${ctx.method} ${ctx.path} failed: ${
        (e as Error).stack
      }\n`,
    );
    if (!ctx.responded && !res.headersSent) {
      await send(ctx, 500, {
        error: {
          code: 'InternalServerError',
          message: 'The emulator failed to handle the request.',
        },
      });
    }
  }
}
