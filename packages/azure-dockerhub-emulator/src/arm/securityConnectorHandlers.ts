import { send } from '../server/RequestContext';
import {
  ConnectorRecord,
  connectorId,
  JsonObject,
} from '../state/EmulatorState';
import { stableGuid } from '../util/stableGuid';
import {
  armError,
  refuse,
  resourceGroupNotFound,
  resourceNotFound,
} from './armErrors';
import type { ArmCall } from './ArmCall';
import { armPage } from './paging';
import { firstViolation, proseRules } from './proseRules';

const TYPE = 'Microsoft.Security/securityConnectors';

/** The readOnly `description` of the Docker Hub offerings, verbatim from the 2024-08-01-preview spec. */
const OFFERING_DESCRIPTIONS: Record<string, string> = {
  CspmMonitorDockerHub:
    'The CSPM (Cloud security posture management) monitoring for Docker Hub offering',
  DefenderForContainersDockerHub:
    'The Defender for containers Docker Hub offering configurations',
  DefenderCspmDockerHub:
    'The Defender for CSPM Docker Hub offering configurations',
};
const PAID_OFFERINGS = new Set([
  'DefenderForContainersDockerHub',
  'DefenderCspmDockerHub',
]);
const TRIAL_MS = 30 * 86_400_000;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * The resource as ARM returns it. `echoAccessToken` puts the stored token back into
 * `authentication`, the worst case the spec allows (accessToken is neither readOnly nor
 * x-ms-secret); never used for `state()`, Resource Graph or logs.
 */
export function connectorResponse(
  rec: ConnectorRecord,
  options: { echoAccessToken?: boolean } = {},
): JsonObject {
  const properties = clone(rec.properties);
  const auth = properties.environmentData?.authentication;
  const secret = rec.credentials[rec.credentials.length - 1]?.secret;
  if (
    options.echoAccessToken &&
    auth &&
    typeof auth === 'object' &&
    secret !== undefined
  ) {
    auth.accessToken = secret;
  }
  if (Array.isArray(properties.offerings)) {
    properties.offerings = properties.offerings.map((o: JsonObject) =>
      OFFERING_DESCRIPTIONS[o.offeringType]
        ? { ...o, description: OFFERING_DESCRIPTIONS[o.offeringType] }
        : o,
    );
    // Spec: "Trial period exists for 30 days after upgrading to payed offerings."
    if (
      properties.offerings.some((o: JsonObject) =>
        PAID_OFFERINGS.has(o.offeringType),
      )
    ) {
      properties.hierarchyIdentifierTrialEndDate = new Date(
        rec.createdAt + TRIAL_MS,
      ).toISOString();
    }
  }
  const body: JsonObject = {
    id: rec.id,
    name: rec.name,
    type: TYPE,
    location: rec.location,
    etag: rec.etag,
    tags: { ...rec.tags },
    systemData: {
      createdBy: rec.createdBy,
      createdByType: rec.createdByType,
      createdAt: new Date(rec.createdAt).toISOString(),
      lastModifiedBy: rec.lastModifiedBy,
      lastModifiedByType: rec.lastModifiedByType,
      lastModifiedAt: new Date(rec.lastModifiedAt).toISOString(),
    },
    properties,
  };
  if (rec.kind) body.kind = rec.kind;
  return body;
}

/**
 * What we keep from a client body: writable values only, and never the token, which lives only
 * in the credential history (whether responses carry it is the scenario's `echoAccessToken`).
 */
function storedProperties(properties: JsonObject | undefined): {
  properties: JsonObject;
  username?: string;
  secret?: string;
} {
  const copy = clone(properties ?? {});
  delete copy.hierarchyIdentifierTrialEndDate;
  if (Array.isArray(copy.offerings)) {
    copy.offerings = copy.offerings.map((o: JsonObject) => {
      const { description: _readOnly, ...rest } = o;
      return rest;
    });
  }
  const auth = copy.environmentData?.authentication;
  let secret: string | undefined;
  let username: string | undefined;
  if (auth && typeof auth === 'object') {
    secret =
      typeof auth.accessToken === 'string' ? auth.accessToken : undefined;
    username = typeof auth.username === 'string' ? auth.username : undefined;
    delete auth.accessToken;
  }
  return { properties: copy, username, secret };
}

/**
 * PATCH takes the full SecurityConnector schema; the official PatchSecurityConnector example
 * answers with exactly the properties it sent (its `environmentData` replaces the stored one), so
 * each property present in the body replaces the stored value and absent ones are kept.
 */
function patchProperties(stored: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

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

/** If-Match / If-None-Match as ARM applies them; true when the request may proceed. */
async function preconditionsHold(
  call: ArmCall,
  existing: ConnectorRecord | undefined,
) {
  const { ctx } = call;
  if (existing && ctx.staleEtag) {
    // The staleEtag fault: another writer got there first.
    existing.etag = ctx.core.nextEtag();
  }
  const ifMatch = ctx.req.headers['if-match'];
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  const fails =
    (ifMatch !== undefined &&
      (!existing || (ifMatch !== '*' && ifMatch !== existing.etag))) ||
    (ifNoneMatch === '*' && existing !== undefined);
  if (fails) {
    await armError(
      ctx,
      412,
      'PreconditionFailed',
      'The condition specified using HTTP conditional header(s) is not met.',
    );
    return false;
  }
  return true;
}

function recordCredentials(
  rec: ConnectorRecord,
  at: number,
  username?: string,
  secret?: string,
) {
  const last = rec.credentials[rec.credentials.length - 1];
  if (!last || username !== last.username || secret !== last.secret) {
    rec.credentials.push({ at, username, secret });
  }
}

/**
 * PATCH merges: a body without accessToken keeps the stored token while the username stays
 * (undocumented; the merge is what the PatchSecurityConnector example implies).
 */
function mergeCredentials(
  rec: ConnectorRecord,
  at: number,
  username?: string,
  secret?: string,
) {
  const last = rec.credentials[rec.credentials.length - 1];
  const nextUsername = username ?? last?.username;
  const nextSecret =
    secret ?? (nextUsername === last?.username ? last?.secret : undefined);
  recordCredentials(rec, at, nextUsername, nextSecret);
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
        TYPE,
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
        TYPE,
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
