import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import type { FindingsPosition } from '../store/HealthStore';

/**
 * Opaque page cursors: where the previous page ended, bound to the list it came from (entity,
 * filters, sort), so a cursor reused on another list is refused instead of skipping rows.
 */
export interface FindingsCursorCodec {
  encode(position: FindingsPosition): string;
  decode(cursor: string): FindingsPosition;
}

/**
 * `list` identifies the list (entity, filters, sort); `numeric`: the sort's column is a number
 * (the severity's rank), so an edited cursor cannot make the database compare a string with it.
 */
export function findingsCursor(
  list: unknown,
  numeric: boolean,
): FindingsCursorCodec {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(list))
    .digest('base64url')
    .slice(0, 16);
  return {
    encode: p =>
      Buffer.from(
        JSON.stringify([fingerprint, p.value, p.connectorKey, p.findingKey]),
      ).toString('base64url'),
    decode(cursor) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        parsed = undefined;
      }
      if (
        !Array.isArray(parsed) ||
        parsed.length !== 4 ||
        parsed[0] !== fingerprint ||
        (numeric
          ? !Number.isInteger(parsed[1]) || parsed[1] < 0 || parsed[1] > 3
          : typeof parsed[1] !== 'string') ||
        typeof parsed[2] !== 'string' ||
        typeof parsed[3] !== 'string'
      ) {
        throw new InputError(
          'Invalid cursor: it belongs to another list (the filters or sort changed) or was altered; ask for the first page without a cursor',
        );
      }
      return {
        value: parsed[1],
        connectorKey: parsed[2],
        findingKey: parsed[3],
      };
    },
  };
}
