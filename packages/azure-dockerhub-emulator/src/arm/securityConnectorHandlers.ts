import { send } from '../server/RequestContext';
import { ConnectorRecord, connectorId } from '../state/EmulatorState';
import { stableGuid } from '../util/stableGuid';
import { refuse, resourceGroupNotFound, resourceNotFound } from './armErrors';
import type { ArmCall } from './ArmCall';
import { CONNECTOR_TYPE, connectorResponse } from './connectorResponse';
import { armPage } from './paging';
import { preconditionsHold } from './preconditionsHold';
import { firstViolation } from './ProseViolation';
import { proseRules } from './proseRules';
import { mergeCredentials, recordCredentials } from './recordCredentials';
import { patchProperties, storedProperties } from './storedProperties';

const responseOf = (call: ArmCall, rec: ConnectorRecord) =>
  connectorResponse(rec, {
    echoAccessToken: call.ctx.core.state.echoAccessToken,
  });

function findResourceGroup(call: ArmCall) {
  const name = call.params.resourceGroupName;
  return call.subscription!.resourceGroups.find(
    rg => rg.name.toLowerCase() === name.toLowerCase(),
  );
}

const groupNotFound = (call: ArmCall) =>
  resourceGroupNotFound(call.ctx, call.params.resourceGroupName);

function lookup(call: ArmCall): ConnectorRecord | undefined {
  const id = connectorId(
    call.subscription!.id,
    call.params.resourceGroupName,
    call.params.securityConnectorName,
  );
  return call.ctx.core.state.connectors.get(id.toLowerCase());
}

const pathNameViolation = (call: ArmCall) =>
  proseRules.pathNames(
    call.params.resourceGroupName,
    call.params.securityConnectorName,
  );

export const securityConnectorHandlers = {
  async list(call: ArmCall) {
    const { ctx } = call;
    const rgName = call.params.resourceGroupName;
    if (
      rgName !== undefined &&
      (await refuse(call.ctx, proseRules.resourceGroupName(rgName)))
    )
      return undefined;
    if (rgName !== undefined && !findResourceGroup(call))
      return groupNotFound(call);
    const records = [...ctx.core.state.connectors.values()]
      .filter(c => c.subscriptionId === call.subscription!.id)
      .filter(
        c =>
          rgName === undefined ||
          c.resourceGroup.toLowerCase() === rgName.toLowerCase(),
      );
    // Build responses for the requested page only: with thousands of connectors, building all
    // of them for every page made listing quadratic.
    const page = armPage(ctx, records, ctx.core.state.pageSize);
    return send(ctx, 200, {
      ...page,
      value: page.value.map(c => responseOf(call, c)),
    });
  },

  async get(call: ArmCall) {
    if (await refuse(call.ctx, pathNameViolation(call))) return undefined;
    if (!findResourceGroup(call)) return groupNotFound(call);
    const rec = lookup(call);
    if (!rec) {
      return resourceNotFound(
        call.ctx,
        CONNECTOR_TYPE,
        call.params.securityConnectorName,
        call.params.resourceGroupName,
      );
    }
    return send(call.ctx, 200, responseOf(call, rec));
  },

  async put(call: ArmCall) {
    const { ctx, principal, body } = call;
    if (await refuse(call.ctx, pathNameViolation(call))) return undefined;
    const rg = findResourceGroup(call);
    if (!rg) return groupNotFound(call);
    const existing = lookup(call);
    const id =
      existing?.id ??
      connectorId(
        call.subscription!.id,
        rg.name,
        call.params.securityConnectorName,
      );
    const stored = storedProperties(body.properties);
    // ARM's envelope rules, then the provider's, before the write's preconditions are looked at.
    const envelope = firstViolation(
      () => proseRules.locationRequired(body),
      () =>
        existing
          ? proseRules.locationUnchanged(existing, body.location)
          : undefined,
      () => proseRules.tags(body.tags),
      () => proseRules.dockerHubProperties(stored.properties),
      () =>
        existing
          ? proseRules.keepsOrganization(existing, stored.properties)
          : undefined,
    );
    if (await refuse(call.ctx, envelope)) return undefined;
    if (!(await preconditionsHold(call, existing))) return undefined;
    const { state } = ctx.core;
    const prerequisite = existing
      ? undefined
      : proseRules.defenderPlanEnabled(state, stored.properties);
    if (
      await refuse(
        ctx,
        prerequisite ??
          proseRules.onePerOrganization(state, id, stored.properties),
      )
    )
      return undefined;
    const now = ctx.core.now();
    const rec: ConnectorRecord = existing ?? {
      id,
      subscriptionId: call.subscription!.id,
      resourceGroup: rg.name,
      name: call.params.securityConnectorName,
      guid: stableGuid('connector', id.toLowerCase()),
      location: body.location,
      tags: {},
      properties: {},
      etag: '',
      createdAt: now,
      createdBy: principal.clientId,
      createdByType: 'Application',
      lastModifiedAt: now,
      lastModifiedBy: principal.clientId,
      lastModifiedByType: 'Application',
      credentials: [],
    };
    rec.kind = typeof body.kind === 'string' ? body.kind : undefined;
    rec.tags = { ...(body.tags ?? {}) };
    rec.properties = stored.properties;
    rec.etag = ctx.core.nextEtag();
    rec.lastModifiedAt = now;
    rec.lastModifiedBy = principal.clientId;
    rec.lastModifiedByType = 'Application';
    // PUT replaces the resource: credentials the body omits are gone, not kept.
    recordCredentials(rec, now, stored.username, stored.secret);
    ctx.core.state.connectors.set(id.toLowerCase(), rec);
    return send(ctx, existing ? 200 : 201, responseOf(call, rec));
  },

  async patch(call: ArmCall) {
    const { ctx, principal, body } = call;
    if (await refuse(call.ctx, pathNameViolation(call))) return undefined;
    if (!findResourceGroup(call)) return groupNotFound(call);
    const rec = lookup(call);
    const envelope = firstViolation(
      () =>
        rec ? proseRules.locationUnchanged(rec, body.location) : undefined,
      () => proseRules.tags(body.tags),
    );
    if (await refuse(call.ctx, envelope)) return undefined;
    if (!(await preconditionsHold(call, rec))) return undefined;
    if (!rec) {
      return resourceNotFound(
        ctx,
        CONNECTOR_TYPE,
        call.params.securityConnectorName,
        call.params.resourceGroupName,
      );
    }
    const stored = storedProperties(body.properties);
    const merged = patchProperties(rec.properties, stored.properties);
    const violation = firstViolation(
      () => proseRules.dockerHubProperties(merged),
      () => proseRules.keepsOrganization(rec, merged),
      () => proseRules.onePerOrganization(ctx.core.state, rec.id, merged),
    );
    if (await refuse(call.ctx, violation)) return undefined;
    const now = ctx.core.now();
    rec.properties = merged;
    if (body.tags) rec.tags = { ...body.tags };
    rec.etag = ctx.core.nextEtag();
    rec.lastModifiedAt = now;
    rec.lastModifiedBy = principal.clientId;
    mergeCredentials(rec, now, stored.username, stored.secret);
    return send(ctx, 200, responseOf(call, rec));
  },

  async delete(call: ArmCall) {
    const { ctx } = call;
    if (await refuse(call.ctx, pathNameViolation(call))) return undefined;
    if (!findResourceGroup(call)) return groupNotFound(call);
    const rec = lookup(call);
    if (!(await preconditionsHold(call, rec))) return undefined;
    if (!rec) return send(ctx, 204);
    ctx.core.state.connectors.delete(rec.id.toLowerCase());
    return send(ctx, 200);
  },
};
