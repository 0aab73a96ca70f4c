import {
  EmulatorState,
  HubOrg,
  HubRepository,
  HubToken,
  HubUser,
} from '../state/EmulatorState';

const eq = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The token matching this identifier/secret pair: a PAT of that user or an OAT of that org. */
export function findCredentialToken(
  state: EmulatorState,
  identifier: string,
  secret: string,
): HubToken | undefined {
  return state.hub.tokens.find(
    t =>
      t.secret === secret && (eq(t.user, identifier) || eq(t.org, identifier)),
  );
}

export function hubUser(
  state: EmulatorState,
  username: string | undefined,
): HubUser | undefined {
  return state.hub.users.find(u => eq(u.username, username));
}

/**
 * Organizations by lower-case name, per orgs array (a scenario load replaces the array). Health
 * evaluation looks an organization up per connector, which scanned the list: quadratic with
 * thousands of organizations. A hit is re-checked, a miss falls back to the scan.
 */
const orgIndex = new WeakMap<HubOrg[], Map<string, HubOrg>>();

/** An organization that exists (deleted ones are gone for every caller). */
export function hubOrg(state: EmulatorState, name: string): HubOrg | undefined {
  const orgs = state.hub.orgs;
  let index = orgIndex.get(orgs);
  if (!index) {
    index = new Map();
    for (const o of orgs) {
      const key = o.name.toLowerCase();
      if (!o.deleted && !index.has(key)) index.set(key, o);
    }
    orgIndex.set(orgs, index);
  }
  const hit = index.get(name.toLowerCase());
  if (hit && !hit.deleted && eq(hit.name, name)) return hit;
  const found = orgs.find(o => !o.deleted && eq(o.name, name));
  if (found) index.set(name.toLowerCase(), found);
  return found;
}

export function membership(state: EmulatorState, org: string, user: string) {
  return hubOrg(state, org)?.members.find(m => eq(m.user, user))?.role;
}

export type ScopeLevel = HubToken['scope'];
const LEVELS: ScopeLevel[] = ['public_read', 'read', 'write', 'admin'];
export const scopeAtLeast = (scope: ScopeLevel, needed: ScopeLevel) =>
  LEVELS.indexOf(scope) >= LEVELS.indexOf(needed);

/** Who is calling, as far as repository visibility is concerned. */
export interface HubIdentity {
  username?: string;
  /** Set for organization access tokens. */
  org?: string;
  scope: ScopeLevel;
}

/**
 * Private repositories are visible to organization editors/owners (content permissions apply
 * organization-wide, https://docs.docker.com/enterprise/security/roles-and-permissions/core-roles/)
 * and to the organization's own OATs, and only through a token that can read private repositories
 * (`repo:read` or better, https://docs.docker.com/security/access-tokens/). Members get
 * private repositories only through team grants, which the emulator does not model.
 */
export function canSeeRepository(
  state: EmulatorState,
  org: HubOrg,
  repo: HubRepository,
  who: HubIdentity | undefined,
): boolean {
  if (!repo.private) return true;
  if (!who || !scopeAtLeast(who.scope, 'read')) return false;
  if (who.org) return eq(who.org, org.name);
  const role = who.username
    ? membership(state, org.name, who.username)
    : undefined;
  return role === 'editor' || role === 'owner';
}

export function canPush(
  state: EmulatorState,
  org: HubOrg,
  who: HubIdentity | undefined,
): boolean {
  if (!who || !scopeAtLeast(who.scope, 'write')) return false;
  if (who.org) return eq(who.org, org.name);
  const role = who.username
    ? membership(state, org.name, who.username)
    : undefined;
  return role === 'editor' || role === 'owner';
}
