import type { SubscriptionState } from '../state/EmulatorState';

/**
 * `x-ms-ratelimit-remaining-subscription-reads`, modelled on ARM's token bucket for subscription
 * reads (250 requests, refilled at 25 per second; Microsoft Learn, "Understand how Azure Resource
 * Manager throttles requests"). Reported only: the emulator never throttles on its own (a 429
 * comes from an injected fault), so tests stay deterministic. Keyed by the subscription object,
 * so loading a scenario starts full buckets.
 */
const CAPACITY = 250;
const REFILL_PER_SECOND = 25;
const buckets = new WeakMap<
  SubscriptionState,
  { tokens: number; at: number }
>();

export function takeSubscriptionRead(
  subscription: SubscriptionState,
  now: number,
): number {
  const bucket = buckets.get(subscription) ?? { tokens: CAPACITY, at: now };
  const refilled = Math.min(
    CAPACITY,
    bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * REFILL_PER_SECOND,
  );
  const tokens = Math.max(0, refilled - 1);
  buckets.set(subscription, { tokens, at: now });
  return Math.floor(tokens);
}
