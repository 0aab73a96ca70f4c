import { Worker } from 'node:worker_threads';

/**
 * The load generator, in plain JavaScript for a worker thread: the client must not share the
 * backend's event loop (a browser does not), or its own work would count as the server's latency.
 * It speaks plain `http` with keep-alive rather than `fetch`: on a small machine the client shares
 * the server's cores, and undici's `fetch` cost about twice the CPU per request.
 */
const LOAD = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const { url, headers, concurrency, total } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const samples = [];
let started = 0;
function get() {
  return new Promise((resolve, reject) => {
    http.get(url, { headers, agent }, res => {
      res.on('data', () => {});
      res.on('end', () => res.statusCode === 200 ? resolve() : reject(new Error('GET ' + url + ' answered ' + res.statusCode)));
    }).on('error', reject);
  });
}
async function worker() {
  while (started < total) {
    started++;
    const t0 = performance.now();
    await get();
    samples.push(performance.now() - t0);
  }
}
const t0 = performance.now();
Promise.all(Array.from({ length: concurrency }, worker)).then(
  () => { agent.destroy(); parentPort.postMessage({ samples, wallMs: performance.now() - t0 }); },
  e => parentPort.postMessage({ error: String(e) }),
);
`;

/** Latencies (ms) of `total` GETs of `url`, `concurrency` in flight at a time, from a worker thread. */
export function measureLatency(options: {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  total: number;
}): Promise<{ samples: number[]; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD, { eval: true, workerData: options });
    worker.once('message', m => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}
