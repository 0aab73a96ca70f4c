import { AzureRole, Findings, Scenario } from '../scenario/scenarioSchema';
import { stableGuid } from '../util/stableGuid';

export type JsonObject = Record<string, any>;

export interface CredentialChange {
  /** Emulator clock (ms) of the PUT/PATCH that stored these credentials. */
  at: number;
  username?: string;
  secret?: string;
}

export interface ConnectorRecord {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  /** The connector's own GUID (health reports carry it as `resourceDetails.connectorId`). */
  guid: string;
  location: string;
  kind?: string;
  tags: Record<string, string>;
  /** `properties` as stored: everything the client sent except read-only values and the token. */
  properties: JsonObject;
  etag: string;
  createdAt: number;
  createdBy: string;
  createdByType: string;
  lastModifiedAt: number;
  lastModifiedBy: string;
  lastModifiedByType: string;
  credentials: CredentialChange[];
}

export interface SubscriptionState {
  id: string;
  displayName: string;
  registrationState: string;
  /** When a POST …/register was accepted: registration completes some time later. */
  registeringSince?: number;
  plans: { Containers: 'Standard' | 'Free'; CloudPosture: 'Standard' | 'Free' };
  resourceGroups: { name: string; location: string }[];
}

export interface PrincipalState {
  clientId: string;
  clientSecret: string;
  displayName: string;
  objectId: string;
  roles: Map<string, AzureRole>;
}

export interface HubTag {
  /** The tag, or for a digest-only image its digest. */
  name: string;
  /** Set for an image pushed without a tag: known by this digest only, not a tag on Docker Hub. */
  digest?: string;
  findings: Findings;
  /** Fixed findings: Healthy assessments. */
  resolved: Findings;
  architectures: string[];
  lastPushed: number;
}

export interface HubRepository {
  name: string;
  private: boolean;
  description?: string;
  tags: HubTag[];
}

export interface HubOrg {
  name: string;
  uuid: string;
  members: { user: string; role: 'member' | 'editor' | 'owner' }[];
  repositories: HubRepository[];
  deleted: boolean;
}

export interface HubUser {
  username: string;
  email: string;
  uuid: string;
  password?: string;
}

export interface HubToken {
  secret: string;
  user?: string;
  org?: string;
  scope: 'public_read' | 'read' | 'write' | 'admin';
  label?: string;
  expiresAt?: number;
  revoked: boolean;
}

/** @public */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  /** 0 when the connection was reset by a fault. */
  status: number;
  /** Fault kinds applied to this request, if any. */
  faults?: string[];
}

export interface EmulatorState {
  tenantId: string;
  healthDelayMs: number;
  pageSize: number;
  /** Connector responses carry the stored token (scenario `azure.echoAccessToken`). */
  echoAccessToken: boolean;
  /** Scenario `azure.assessmentLayout` and `azure.assessmentSource`. */
  assessments: { layout: 'underConnector' | 'elsewhere'; source: string };
  principals: PrincipalState[];
  subscriptions: Map<string, SubscriptionState>;
  connectors: Map<string, ConnectorRecord>;
  hub: {
    orgs: HubOrg[];
    users: HubUser[];
    tokens: HubToken[];
    rateLimitPerMinute: number;
  };
  requestLog: RequestLogEntry[];
  /** Emulator time at which this scenario was loaded. */
  loadedAt: number;
}

export const connectorId = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}`;

export function createState(
  scenario: Scenario,
  now: number,
  nextEtag: () => string,
): EmulatorState {
  const healthDelayMs = scenario.azure.healthDelaySeconds * 1000;
  const state: EmulatorState = {
    tenantId: scenario.azure.tenantId,
    healthDelayMs,
    pageSize: scenario.azure.pageSize,
    echoAccessToken: scenario.azure.echoAccessToken,
    assessments: {
      layout: scenario.azure.assessmentLayout,
      source: scenario.azure.assessmentSource,
    },
    principals: scenario.azure.principals.map(p => ({
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      displayName: p.displayName,
      objectId: p.objectId ?? stableGuid('principal', p.clientId),
      roles: new Map(
        Object.entries(p.roles).map(([sub, role]) => [sub.toLowerCase(), role]),
      ),
    })),
    subscriptions: new Map(
      scenario.azure.subscriptions.map(s => [
        s.id.toLowerCase(),
        {
          id: s.id,
          displayName: s.displayName,
          registrationState: s.registrationState,
          plans: { ...s.plans },
          resourceGroups: s.resourceGroups.map(rg => ({ ...rg })),
        },
      ]),
    ),
    connectors: new Map(),
    hub: {
      orgs: scenario.dockerHub.orgs.map(o => ({
        name: o.name,
        uuid: stableGuid('org', o.name),
        members: o.members.map(m => ({ ...m })),
        deleted: o.deleted,
        repositories: o.repositories.map(r => ({
          name: r.name,
          private: r.private,
          description: r.description,
          tags: r.tags.map((t, i) => {
            const tag = typeof t === 'string' ? { name: t } : t;
            const digest = 'digest' in tag ? tag.digest : undefined;
            const name = tag.name ?? digest ?? '';
            const findings = ('findings' in tag && tag.findings) ||
              r.findings[name] || {
                critical: 0,
                high: 0,
                medium: 0,
                low: 0,
              };
            return {
              name,
              ...(digest ? { digest } : {}),
              findings,
              resolved: ('resolved' in tag && tag.resolved) || {
                critical: 0,
                high: 0,
                medium: 0,
                low: 0,
              },
              architectures: ('architectures' in tag && tag.architectures) || [
                'amd64',
              ],
              lastPushed:
                'lastPushed' in tag && tag.lastPushed
                  ? Date.parse(tag.lastPushed)
                  : now - (i + 1) * 86_400_000,
            };
          }),
        })),
      })),
      users: scenario.dockerHub.users.map(u => ({
        username: u.username,
        email: u.email,
        password: u.password,
        uuid: stableGuid('user', u.username),
      })),
      tokens: scenario.dockerHub.tokens.map(t => ({
        secret: t.secret,
        user: t.user,
        org: t.org,
        scope: t.scope,
        label: t.label,
        revoked: t.revoked,
        expiresAt: t.expiresAt ? Date.parse(t.expiresAt) : undefined,
      })),
      rateLimitPerMinute: scenario.dockerHub.rateLimitPerMinute,
    },
    requestLog: [],
    loadedAt: now,
  };

  for (const c of scenario.azure.connectors) {
    const sub = state.subscriptions.get(c.subscriptionId.toLowerCase())!;
    const rg = sub.resourceGroups.find(
      r => r.name.toLowerCase() === c.resourceGroup.toLowerCase(),
    )!;
    const id = connectorId(sub.id, rg.name, c.name);
    // Pre-existing connectors were created long enough ago for their first evaluation to exist.
    const createdAt = c.createdAt
      ? Date.parse(c.createdAt)
      : now - healthDelayMs - 3_600_000;
    state.connectors.set(id.toLowerCase(), {
      id,
      subscriptionId: sub.id,
      resourceGroup: rg.name,
      name: c.name,
      guid: stableGuid('connector', id.toLowerCase()),
      location: c.location,
      kind: '',
      tags: { ...c.tags },
      properties: {
        hierarchyIdentifier: c.organization,
        environmentName: 'DockerHub',
        environmentData: {
          environmentType: 'DockerHubOrganization',
          authentication: {
            authenticationType: 'AccessToken',
            username: c.username,
          },
          scanInterval: c.scanInterval,
        },
        offerings: c.offerings.map(offeringType => ({ offeringType })),
      },
      etag: nextEtag(),
      createdAt,
      createdBy: 'scenario',
      createdByType: 'Application',
      lastModifiedAt: createdAt,
      lastModifiedBy: 'scenario',
      lastModifiedByType: 'Application',
      credentials: [{ at: createdAt, username: c.username, secret: c.token }],
    });
  }
  return state;
}
