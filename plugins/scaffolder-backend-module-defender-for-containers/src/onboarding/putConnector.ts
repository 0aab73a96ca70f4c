import { ConflictError } from '@backstage/errors';
import {
  ArmError,
  buildDockerHubConnectorBody,
  type DefenderArmClient,
  type PutConditions,
  type SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import { withCause } from './armFailure';
import {
  actualSettings,
  describeDifferences,
  desiredSettings,
  sameSettings,
} from './connectorFingerprint';

/** The PUT body for the input; `etag` of the connector being replaced, if any. */
export function connectorBody(input: OnboardingInput, etag?: string) {
  return buildDockerHubConnectorBody({
    organization: input.organization,
    username: input.username,
    accessToken: input.accessToken,
    location: input.location,
    scanIntervalHours: input.scanIntervalHours,
    plans: input.plans,
    tags: input.tags,
    etag,
  });
}

/**
 * ARM's answer to a failed `If-Match` / `If-None-Match` is 412; a stale body `etag` may come back
 * as 409 instead (how the RP reacts is undocumented), so both are read as "changed meanwhile".
 */
const isPreconditionFailure = (e: unknown): e is ArmError =>
  e instanceof ArmError &&
  (e.status === 412 ||
    (e.status === 409 &&
      /etag|precondition/i.test(`${e.code} ${e.armMessage}`)));

/** Who last wrote the connector, from ARM's `systemData`, to say whom to ask. */
function lastWriter(c: SecurityConnector): string {
  const by = c.systemData?.lastModifiedBy;
  const at = c.systemData?.lastModifiedAt;
  if (typeof by !== 'string' || !by) return '';
  const type = c.systemData?.lastModifiedByType;
  return ` It was last modified by ${by}${
    typeof type === 'string' && type ? ` (${type})` : ''
  }${typeof at === 'string' ? ` at ${at}` : ''}.`;
}

function changedMeanwhile(
  input: OnboardingInput,
  existing: SecurityConnector | undefined,
  current: SecurityConnector | undefined,
  cause: ArmError,
): ConflictError {
  const head = `Writing connector ${input.connectorName} stopped: it was changed by someone else after this run's checks, so Azure refused the write (${cause.message}). Nothing was overwritten.`;
  const next =
    'Next: find out who changed it and why (Azure portal → the resource group → Activity log), then run the task again to apply your settings over that change.';
  let what: string;
  if (!current) {
    what = existing
      ? ' The connector has been deleted meanwhile.'
      : ' A connector was created at that id and deleted again meanwhile.';
  } else {
    const differences = describeDifferences(
      desiredSettings(input),
      actualSettings(current),
    );
    what = differences.length
      ? ` It now differs from what this run wanted — ${differences.join(
          '; ',
        )}.${lastWriter(current)}`
      : ` It holds this run's settings, but changed again while this run wrote it once more, so this run's access token was not stored.${lastWriter(
          current,
        )}`;
  }
  return withCause(new ConflictError(`${head}${what} ${next}`), cause);
}

/**
 * The one write of onboarding: a conditional PUT. A new connector is created with
 * `If-None-Match: *`, an existing one replaced with `If-Match` of the etag the pre-flight read, so
 * a change someone made in between is never overwritten silently. On a failed precondition the
 * connector is read again: when it already holds this run's settings (typically this run's own
 * PUT landed and the pipeline retried it after a lost response) that is success — for an
 * existing connector only after writing once more against the version Azure now holds, since
 * Azure never returns the token and a rotation must not report success with the old one still
 * stored; otherwise a `ConflictError` names what differs.
 *
 * For a new connector "same settings" cannot include the token: another run that created it
 * with the same settings and another token in that window keeps its token.
 */
export async function putConnector(
  arm: DefenderArmClient,
  input: OnboardingInput,
  existing: SecurityConnector | undefined,
  signal?: AbortSignal,
): Promise<{ created: boolean; alreadyApplied?: boolean }> {
  const etag = existing?.etag;
  let conditions: PutConditions = { ifNoneMatch: '*' };
  // An existing connector without an etag cannot be replaced conditionally; ARM always sends one.
  if (existing) conditions = etag ? { ifMatch: etag } : {};
  try {
    const r = await arm.putSecurityConnector(
      input.connectorId,
      connectorBody(input, etag),
      { signal, ...conditions },
    );
    return { created: r.created };
  } catch (e) {
    if (!isPreconditionFailure(e)) throw e;
    const current = await arm.getSecurityConnector(input.connectorId, {
      signal,
    });
    if (
      current &&
      sameSettings(actualSettings(current), desiredSettings(input))
    ) {
      if (!existing) return { created: true, alreadyApplied: true };
      // Replacing a connector is how a token is rotated, and the token is the one thing Azure
      // cannot show us: the version that beat us holds our settings but maybe not our token
      // (a lost response to our own PUT, or just a new etag). Write once more against exactly
      // that version, so success means Azure holds this run's token; a further change in
      // between is again a 412, and then a conflict.
      try {
        await arm.putSecurityConnector(
          input.connectorId,
          connectorBody(input, current.etag),
          { signal, ...(current.etag ? { ifMatch: current.etag } : {}) },
        );
        return { created: false, alreadyApplied: true };
      } catch (again) {
        if (!isPreconditionFailure(again)) throw again;
        const latest = await arm.getSecurityConnector(input.connectorId, {
          signal,
        });
        throw changedMeanwhile(input, existing, latest, again);
      }
    }
    throw changedMeanwhile(input, existing, current, e);
  }
}
