import { createHash } from 'node:crypto';
import type { Response } from 'express';

const serialized = new WeakMap<object, { body: Buffer; etag: string }>();

/**
 * `res.json`, serialising each answer object once: the entity route answers the same cached
 * object to every viewer for `cacheSeconds`, and the JSON, its ETag and the content-type
 * handling were most of what a cached view cost. Conditional requests still get 304.
 */
export function sendJson(res: Response, answer: object): void {
  let entry = serialized.get(answer);
  if (!entry) {
    const body = Buffer.from(JSON.stringify(answer));
    entry = {
      body,
      etag: `W/"${body.length.toString(16)}-${createHash('sha1')
        .update(body)
        .digest('base64')
        .slice(0, 27)}"`,
    };
    serialized.set(answer, entry);
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', entry.etag);
  res.send(entry.body);
}
