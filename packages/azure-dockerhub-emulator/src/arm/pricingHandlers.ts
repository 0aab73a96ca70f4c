import { send } from '../server/RequestContext';
import { SubscriptionState } from '../state/EmulatorState';
import { armError } from './armErrors';
import type { ArmCall } from './ArmCall';

const PLANS = ['Containers', 'CloudPosture'] as const;
type Plan = (typeof PLANS)[number];

// Shapes from the 2024-01-01 examples (GetPricingByNameCloudPosture, ListPricings).
const EXTENSIONS: Record<Plan, string[]> = {
  Containers: [
    'ContainerRegistriesVulnerabilityAssessments',
    'ContainerSensor',
    'AgentlessDiscoveryForKubernetes',
  ],
  CloudPosture: [
    'AgentlessDiscoveryForKubernetes',
    'ContainerRegistriesVulnerabilityAssessments',
    'SensitiveDataDiscovery',
  ],
};

function pricing(sub: SubscriptionState, plan: Plan, enabledAt: number) {
  const tier = sub.plans[plan];
  const standard = tier === 'Standard';
  const properties: Record<string, unknown> = {
    pricingTier: tier,
    freeTrialRemainingTime: 'PT0S',
    enforce: 'False',
    resourcesCoverageStatus: standard ? 'FullyCovered' : 'NotCovered',
  };
  if (standard) {
    properties.enablementTime = new Date(enabledAt).toISOString();
    properties.extensions = EXTENSIONS[plan].map(name => ({
      name,
      isEnabled: 'True',
    }));
  }
  return {
    id: `/subscriptions/${sub.id}/providers/Microsoft.Security/pricings/${plan}`,
    name: plan,
    type: 'Microsoft.Security/pricings',
    properties,
  };
}

const SUBSCRIPTION_SCOPE = /^\/?subscriptions\/[^/]+$/i;

/**
 * Pricings - List: "Valid $filter is: 'name in ({planName1},{planName2},...)'" (pricings.json
 * 2024-01-01). The plan names it asks for, lower-case; null for any other filter, which the
 * emulator refuses (Azure's answer to one is undocumented).
 */
function planFilter(filter: string): string[] | null {
  const m = /^\s*name\s+in\s*\(([^()]*)\)\s*$/i.exec(filter);
  if (!m) return null;
  const names = m[1].split(',').map(n =>
    n
      .trim()
      .replace(/^'(.*)'$/, '$1')
      .toLowerCase(),
  );
  return names.every(n => /^[a-z0-9]+$/.test(n)) ? names : null;
}

async function scopeNotSupported(call: ArmCall) {
  return armError(
    call.ctx,
    400,
    'InvalidScope',
    `The emulator serves pricings at subscription scope only, not '${call.params.scopeId}'.`,
  );
}

export const pricingHandlers = {
  async get(call: ArmCall) {
    if (!SUBSCRIPTION_SCOPE.test(call.params.scopeId))
      return scopeNotSupported(call);
    const plan = PLANS.find(
      p => p.toLowerCase() === call.params.pricingName.toLowerCase(),
    );
    if (!plan) {
      return armError(
        call.ctx,
        404,
        'NotFound',
        `Pricing '${call.params.pricingName}' was not found.`,
      );
    }
    const sub = call.subscription!;
    return send(
      call.ctx,
      200,
      pricing(sub, plan, call.ctx.core.now() - 30 * 86_400_000),
    );
  },

  async list(call: ArmCall) {
    if (!SUBSCRIPTION_SCOPE.test(call.params.scopeId))
      return scopeNotSupported(call);
    const filter = call.ctx.query.get('$filter');
    const names = filter === null ? undefined : planFilter(filter);
    if (names === null) {
      return armError(
        call.ctx,
        400,
        'InvalidFilter',
        `The $filter '${filter}' is not supported. Valid $filter is: 'name in ({planName1},{planName2},...)'.`,
        { target: '$filter' },
      );
    }
    const sub = call.subscription!;
    const enabledAt = call.ctx.core.now() - 30 * 86_400_000;
    const plans = PLANS.filter(p => !names || names.includes(p.toLowerCase()));
    return send(call.ctx, 200, {
      value: plans.map(p => pricing(sub, p, enabledAt)),
    });
  },
};
