import {
  ConnectorRecord,
  EmulatorState,
  HubToken,
  JsonObject,
} from '../state/EmulatorState';
import { stableGuid } from '../util/stableGuid';
import {
  findCredentialToken,
  hubOrg,
  membership,
} from '../dockerhub/hubDirectory';

/** "Unique key for the health report type" (healthReports.json): one report type, one GUID. */
export const DOCKER_HUB_CONNECTIVITY_REPORT =
  'a9e3c8f4-5b0e-4a7c-9a44-6d2f1d7b3e10';

type IssueType =
  | 'credentialsMissing'
  | 'invalidCredentials'
  | 'tokenRevoked'
  | 'tokenExpired'
  | 'organizationNotFound'
  | 'userNotMember'
  | 'insufficientTokenScope';

interface IssueText {
  name: string;
  description: (org: string, user: string) => string;
  remediation: (org: string, user: string) => string;
}

const CREATE_TOKEN =
  "sign in to Docker Hub as that user, open Account settings → Personal access tokens, generate a token with the 'Read-only' access permission";
const UPDATE_CONNECTOR =
  'and update the access token of the connector in Defender for Cloud → Environment settings → the Docker Hub environment → Configure access (or PUT the connector with the new token).';

// No Docker Hub health issue catalogue is published; the texts follow the AWS example in
// healthReports.json and the Docker-side failure modes (expired or revoked token, user removed from
// the organization, a public-read-only token).
const ISSUES: Record<IssueType, IssueText> = {
  credentialsMissing: {
    name: 'Docker Hub credentials are missing',
    description: org =>
      `The connector for Docker Hub organization '${org}' has no access token, so Defender for Cloud cannot read the organization's repositories.`,
    remediation: (_o, user) =>
      `For user '${user}', ${CREATE_TOKEN}, ${UPDATE_CONNECTOR}`,
  },
  invalidCredentials: {
    name: 'Docker Hub authentication failed',
    description: (org, user) =>
      `Docker Hub rejected the user name '${user}' and access token stored in the connector for organization '${org}'. Image inventory and vulnerability assessment for the organization have stopped.`,
    remediation: (_o, user) =>
      `Check that the user name is '${user}' and that the token belongs to that user; otherwise ${CREATE_TOKEN}, ${UPDATE_CONNECTOR}`,
  },
  tokenRevoked: {
    name: 'Docker Hub access token was revoked',
    description: (org, user) =>
      `The access token of Docker Hub user '${user}' stored in the connector for organization '${org}' was deactivated or deleted. Image inventory and vulnerability assessment for the organization have stopped.`,
    remediation: (_o, user) =>
      `For user '${user}', ${CREATE_TOKEN}, ${UPDATE_CONNECTOR}`,
  },
  tokenExpired: {
    name: 'Docker Hub access token expired',
    description: (org, user) =>
      `The access token of Docker Hub user '${user}' stored in the connector for organization '${org}' has expired. Image inventory and vulnerability assessment for the organization have stopped.`,
    remediation: (_o, user) =>
      `For user '${user}', ${CREATE_TOKEN} and an expiration that fits your rotation policy, ${UPDATE_CONNECTOR}`,
  },
  organizationNotFound: {
    name: 'Docker Hub organization not found',
    description: org =>
      `Docker Hub organization '${org}' does not exist or was deleted, so there is nothing to scan.`,
    remediation: org =>
      `Check the organization name '${org}' of the connector. If the organization was deleted on purpose, delete this connector to stop the Docker Hub environment.`,
  },
  userNotMember: {
    name: 'Docker Hub user is not a member of the organization',
    description: (org, user) =>
      `Docker Hub user '${user}' is not a member of organization '${org}', so Defender for Cloud cannot see the organization's private repositories.`,
    remediation: (org, user) =>
      `As an owner of '${org}', invite '${user}' to the organization with the 'Editor' role so it can access all repositories of the organization.`,
  },
  insufficientTokenScope: {
    name: 'Docker Hub access token cannot read private repositories',
    description: (org, user) =>
      `The access token of Docker Hub user '${user}' has the 'Public Repo Read-only' permission. Defender for Cloud scans private repositories only, so nothing in organization '${org}' is assessed.`,
    remediation: (_o, user) =>
      `For user '${user}', ${CREATE_TOKEN} (not 'Public Repo Read-only'), ${UPDATE_CONNECTOR}`,
  },
};

export interface HealthEvaluation {
  code: 'Healthy' | 'NotHealthy';
  issues: IssueType[];
}

/** What Defender would find with these credentials at time `at`, from the Docker Hub state. */
export function evaluateCredentials(
  state: EmulatorState,
  org: string,
  username: string | undefined,
  secret: string | undefined,
  at: number,
): HealthEvaluation {
  if (!secret || !username)
    return { code: 'NotHealthy', issues: ['credentialsMissing'] };
  const token: HubToken | undefined = findCredentialToken(
    state,
    username,
    secret,
  );
  if (!token) return { code: 'NotHealthy', issues: ['invalidCredentials'] };
  if (token.revoked) return { code: 'NotHealthy', issues: ['tokenRevoked'] };
  if (token.expiresAt !== undefined && token.expiresAt <= at) {
    return { code: 'NotHealthy', issues: ['tokenExpired'] };
  }
  const issues: IssueType[] = [];
  if (!hubOrg(state, org)) issues.push('organizationNotFound');
  else if (token.user && !membership(state, org, token.user))
    issues.push('userNotMember');
  else if (token.org && token.org.toLowerCase() !== org.toLowerCase())
    issues.push('userNotMember');
  if (token.scope === 'public_read') issues.push('insufficientTokenScope');
  return { code: issues.length ? 'NotHealthy' : 'Healthy', issues };
}

export interface ConnectorHealth {
  evaluation: HealthEvaluation;
  firstEvaluation: number;
  statusChange: number;
  lastScanned: number;
}

/**
 * Lazy and deterministic: a credential change becomes visible `healthDelaySeconds` after it was
 * stored; before the first one there is no report at all (Defender "starts within one hour").
 * Evaluations repeat every delay period, so a rotated token heals on the next cycle.
 */
export function connectorHealth(
  state: EmulatorState,
  rec: ConnectorRecord,
  now: number,
): ConnectorHealth | undefined {
  const delay = state.healthDelayMs;
  const effective = rec.credentials.filter(c => c.at + delay <= now);
  if (effective.length === 0) return undefined;
  const org = String(rec.properties.hierarchyIdentifier ?? '');
  const evaluations = effective.map(c => ({
    from: c.at + delay,
    result: evaluateCredentials(state, org, c.username, c.secret, now),
  }));
  const current = evaluations[evaluations.length - 1];
  let statusChange = current.from;
  for (let i = evaluations.length - 2; i >= 0; i--) {
    if (evaluations[i].result.code !== current.result.code) break;
    statusChange = evaluations[i].from;
  }
  const cycle = Math.max(delay, 1000);
  const lastScanned =
    current.from + Math.floor((now - current.from) / cycle) * cycle;
  return {
    evaluation: current.result,
    firstEvaluation: evaluations[0].from,
    statusChange,
    lastScanned,
  };
}

export function healthReportResource(
  state: EmulatorState,
  rec: ConnectorRecord,
  health: ConnectorHealth,
): JsonObject {
  const org = String(rec.properties.hierarchyIdentifier ?? '');
  const user = String(
    rec.credentials[rec.credentials.length - 1]?.username ?? '',
  );
  const iso = (ms: number) => new Date(ms).toISOString();
  const healthy = health.evaluation.code === 'Healthy';
  return {
    id: `${rec.id}/providers/Microsoft.Security/healthReports/${DOCKER_HUB_CONNECTIVITY_REPORT}`,
    name: DOCKER_HUB_CONNECTIVITY_REPORT,
    type: 'Microsoft.Security/healthReports',
    properties: {
      resourceDetails: {
        source: 'DockerHub',
        id: rec.id,
        connectorId: rec.guid,
      },
      environmentDetails: {
        nativeResourceId: org,
        environmentHierarchyId: org,
        organizationalHierarchyId: org,
        subscriptionId: rec.subscriptionId,
        tenantId: state.tenantId,
      },
      healthDataClassification: {
        component: 'Connectivity',
        scenario: 'Authentication',
        scope: 'Connectors',
      },
      status: {
        code: health.evaluation.code,
        ...(healthy
          ? {}
          : { reason: ISSUES[health.evaluation.issues[0]].name }),
        lastScannedDate: iso(health.lastScanned),
        statusChangeDate: iso(health.statusChange),
        firstEvaluationDate: iso(health.firstEvaluation),
      },
      affectedDefendersPlans: healthy ? [] : ['Containers'],
      affectedDefendersSubPlans: [],
      reportAdditionalData: { organization: org },
      issues: health.evaluation.issues.map(type => ({
        issueKey: stableGuid('docker-hub-health-issue', type),
        issueName: ISSUES[type].name,
        securityValues: [
          'Container image inventory',
          'Container image vulnerability assessment',
        ],
        issueDescription: ISSUES[type].description(org, user),
        remediationSteps: ISSUES[type].remediation(org, user),
        remediationScript: '',
        issueAdditionalData: { organization: org, username: user },
      })),
    },
  };
}
