import type { ConnectorTransition } from './ConnectorTransition';

/**
 * How one subscription's refresh went.
 * @public
 */
export interface SubscriptionOutcome {
  subscriptionId: string;
  ok: boolean;
  connectors: number;
  error?: string;
}

/**
 * What a refresh of every allowed subscription did.
 * @public
 */
export interface RefreshSummary {
  subscriptions: SubscriptionOutcome[];
  transitions: ConnectorTransition[];
}
