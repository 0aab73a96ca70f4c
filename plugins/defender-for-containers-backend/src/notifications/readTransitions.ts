import { z } from 'zod';
import type { ConnectorTransition } from '../refresh/ConnectorTransition';

const status = z.enum(['healthy', 'unhealthy', 'pending', 'stale', 'missing']);
const transition = z.object({
  connectorId: z.string().max(1000),
  organization: z.string().max(255),
  subscriptionId: z.string().max(100),
  from: status.optional(),
  to: status,
  previousReportedStatus: z
    .enum(['healthy', 'unhealthy', 'pending'])
    .optional(),
  issues: z.array(z.string().max(500)).max(50).optional(),
  criticalDelta: z.number().int(),
  at: z.string(),
});

/**
 * The transitions of a `defender-for-containers.health-transitions` event. With the events
 * backend, events may arrive over HTTP, so the payload is checked before it decides whom to
 * notify of what; anything else is ignored.
 */
export function readTransitions(payload: unknown): ConnectorTransition[] {
  const items = (payload as { transitions?: unknown })?.transitions;
  if (!Array.isArray(items)) return [];
  return items.flatMap(item => {
    const parsed = transition.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
