import type { CheckOutcome } from './PreflightRecorder';

const PAT = /^dckr_pat_[A-Za-z0-9_-]{27,32}$/;
const OAT = /^dckr_oat_/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Local look at the secret's shape; never echoes it. Personal access tokens start `dckr_pat_`,
 * organization access tokens `dckr_oat_` (the examples of
 * https://docs.docker.com/reference/api/hub/latest/); older personal access tokens were bare
 * UUIDs (https://github.com/docker/hub-tool/pull/43), so a secret without a prefix may be one of
 * those or a password.
 */
export function checkTokenFormat(
  token: string,
  username: string,
): CheckOutcome {
  if (PAT.test(token)) {
    return { status: 'pass', message: 'a personal access token (dckr_pat_…)' };
  }
  if (OAT.test(token)) {
    return {
      status: 'fail',
      message:
        'an organization access token (dckr_oat_…): Defender signs in as a dedicated user with that user’s personal access token.',
      remedy: `sign in to Docker Hub as ${username}, create a personal access token with the "Read-only" permission and run again.`,
    };
  }
  if (UUID.test(token)) {
    return {
      status: 'warn',
      message:
        'an old-style personal access token (UUID); its scope is checked at sign-in.',
      remedy: `prefer a new "Read-only" personal access token for ${username}.`,
    };
  }
  return {
    status: 'warn',
    message:
      'does not look like a personal access token: if it is a password, it cannot be limited to read-only and stops working under SSO.',
    remedy: `create a "Read-only" personal access token for ${username} (dckr_pat_…) and use it instead.`,
  };
}
