import {
  ArmError,
  buildDockerHubConnectorBody,
  type DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingInput } from '../input/parseOnboardingInput';

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

const isStaleEtag = (e: unknown) =>
  e instanceof ArmError &&
  (e.status === 412 ||
    (e.status === 409 &&
      /etag|precondition|concurren/i.test(`${e.code} ${e.armMessage}`)));

/**
 * The one write of onboarding: a PUT (create or full replace), with the etag read in the
 * pre-flight in the body and as `If-Match`. When our etag is stale — e.g. the
 * pipeline retried a PUT whose first attempt had landed — it reads the current etag and replaces
 * once more, so a retry converges instead of failing.
 */
export async function putConnector(
  arm: DefenderArmClient,
  input: OnboardingInput,
  etag: string | undefined,
  signal?: AbortSignal,
): Promise<{ created: boolean }> {
  try {
    const r = await arm.putSecurityConnector(
      input.connectorId,
      connectorBody(input, etag),
      { signal, ifMatch: etag },
    );
    return { created: r.created };
  } catch (e) {
    if (!isStaleEtag(e)) throw e;
    const current = await arm.getSecurityConnector(input.connectorId, {
      signal,
    });
    const r = await arm.putSecurityConnector(
      input.connectorId,
      connectorBody(input, current?.etag),
      { signal, ifMatch: current?.etag },
    );
    return { created: r.created };
  }
}
