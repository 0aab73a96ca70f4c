import { EmulatorState, HubOrg, HubRepository, HubToken, HubUser } from '../state/EmulatorState';

const eq = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The token matching this identifier/secret pair: a PAT of that user or an OAT of that org. */
export function findCredentialToken(
  state: EmulatorState,
  identifier: string,
  secret: string,
): HubToken | undefined {
  return state.hub.tokens.find(
    t => t.secret === secret && (eq(t.user, identifier) || eq(t.org, identifier)),
  );
}

export function hubUser(state: EmulatorState, username: string | undefined): HubUser | undefined {
  return state.hub.users.find(u => eq(u.username, username));
}

/** An organization that exists (deleted ones are gone for every caller). */
export function hubOrg(state: EmulatorState, name: string): HubOrg | undefined {
  return state.hub.orgs.find(o => !o.deleted && eq(o.name, name));
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
 * organization-wide, reference/dockerhub §5.1) and to the organization's own OATs, and only
 * through a token that can read private repositories (`repo:read` or better, §1.1). Members get
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
  const role = who.username ? membership(state, org.name, who.username) : undefined;
  return role === 'editor' || role === 'owner';
}

export function canPush(
  state: EmulatorState,
  org: HubOrg,
  who: HubIdentity | undefined,
): boolean {
  if (!who || !scopeAtLeast(who.scope, 'write')) return false;
  if (who.org) return eq(who.org, org.name);
  const role = who.username ? membership(state, org.name, who.username) : undefined;
  return role === 'editor' || role === 'owner';
}
