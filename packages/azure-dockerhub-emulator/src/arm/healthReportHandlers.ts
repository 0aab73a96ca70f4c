import {
  connectorHealth,
  DOCKER_HUB_CONNECTIVITY_REPORT,
  healthReportResource,
} from '../health/connectorHealthReports';
import { send } from '../server/RequestContext';
import { ConnectorRecord } from '../state/EmulatorState';
import { armError, resourceGroupNotFound, resourceNotFound } from './armErrors';
import type { ArmCall } from './ArmCall';
import { armPage } from './paging';

const CONNECTOR_SCOPE =
  /^\/?subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Security\/securityConnectors\/([^/]+)$/i;
const SUBSCRIPTION_SCOPE = /^\/?subscriptions\/([^/]+)$/i;

/** The connectors that have a report now, each with its evaluation (cheap next to the resource). */
function evaluated(call: ArmCall, connectors: ConnectorRecord[]) {
  const { core } = call.ctx;
  const now = core.now();
  return connectors.flatMap(rec => {
    const health = connectorHealth(core.state, rec, now);
    return health ? [{ rec, health }] : [];
  });
}

function reportsOf(call: ArmCall, connectors: ConnectorRecord[]) {
  const { state } = call.ctx.core;
  return evaluated(call, connectors).map(({ rec, health }) =>
    healthReportResource(state, rec, health),
  );
}

async function connectorNotFound(call: ArmCall, rg: string, name: string) {
  const exists = call.subscription!.resourceGroups.some(
    r => r.name.toLowerCase() === rg.toLowerCase(),
  );
  if (!exists) return resourceGroupNotFound(call.ctx, rg);
  return resourceNotFound(
    call.ctx,
    'Microsoft.Security/securityConnectors',
    name,
    rg,
  );
}

export const healthReportHandlers = {
  /** "Valid scopes are: subscription, or security connector" (healthReports.json). */
  async list(call: ArmCall) {
    const { ctx } = call;
    const scope = call.params.scope;
    const { connectors } = ctx.core.state;
    if (SUBSCRIPTION_SCOPE.test(scope)) {
      const items = () =>
        evaluated(
          call,
          [...connectors.values()].filter(
            c => c.subscriptionId === call.subscription!.id,
          ),
        );
      // Resources for the requested page only: building every report for every page made
      // listing thousands of connectors quadratic.
      const page = armPage(ctx, items, ctx.core.state.pageSize);
      return send(ctx, 200, {
        ...page,
        value: page.value.map(({ rec, health }) =>
          healthReportResource(ctx.core.state, rec, health),
        ),
      });
    }
    const m = CONNECTOR_SCOPE.exec(scope);
    if (!m) {
      return armError(
        ctx,
        400,
        'InvalidScope',
        `The scope '${scope}' is not valid for health reports. Valid scopes are a subscription or a security connector.`,
      );
    }
    const rec = connectors.get(`/${scope.replace(/^\//, '')}`.toLowerCase());
    if (!rec) return connectorNotFound(call, m[2], m[3]);
    return send(
      ctx,
      200,
      armPage(ctx, reportsOf(call, [rec]), ctx.core.state.pageSize),
    );
  },

  async get(call: ArmCall) {
    const { ctx } = call;
    const resourceId = call.params.resourceId;
    const m = CONNECTOR_SCOPE.exec(resourceId);
    const rec = m
      ? ctx.core.state.connectors.get(
          `/${resourceId.replace(/^\//, '')}`.toLowerCase(),
        )
      : undefined;
    if (m && !rec) return connectorNotFound(call, m[2], m[3]);
    const name = call.params.healthReportName
      .replace(/[{}]/g, '')
      .toLowerCase();
    const [report] =
      rec && name === DOCKER_HUB_CONNECTIVITY_REPORT
        ? reportsOf(call, [rec])
        : [];
    if (!report) {
      return armError(
        ctx,
        404,
        'NotFound',
        `Health report '${call.params.healthReportName}' was not found for resource '${resourceId}'.`,
      );
    }
    return send(ctx, 200, report);
  },
};
