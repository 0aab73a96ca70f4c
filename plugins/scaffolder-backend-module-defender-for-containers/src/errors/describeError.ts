/*
 * How this module reads a failed call to Azure or Docker Hub, in one place so that a check
 * message, a task error and a log warning say the same thing about the same error.
 */
import {
  ArmError,
  DockerHubError,
} from '@defender-backstage/plugin-defender-for-containers-node';

/** One line for a task log / check message: status, the service's code and message, request ids. */
export function describeError(e: unknown): string {
  if (e instanceof ArmError || e instanceof DockerHubError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Throttled or unavailable: worth running again later rather than changing inputs. */
export function isTransient(e: unknown): boolean {
  const status = (e as ArmError | DockerHubError)?.status;
  return (
    status === 0 ||
    status === 429 ||
    (typeof status === 'number' && status >= 500)
  );
}

/** The error is Azure's sign-in (Microsoft Entra token) failing, not the ARM call itself. */
export function isSignInFailure(e: unknown): boolean {
  const { code, operation } = (e ?? {}) as {
    code?: string;
    operation?: string;
  };
  return (
    /^(AuthenticationRequiredError|AuthenticationError|CredentialUnavailableError)$/.test(
      code ?? '',
    ) || /sign-in/i.test(operation ?? '')
  );
}

/**
 * Entra answered 429/5xx (or MSAL replays such an answer from its throttling cache, which holds
 * further sign-ins back for about a minute): nothing is wrong with the credential.
 */
export function isTransientSignInFailure(e: unknown): boolean {
  const status = (e as { status?: number })?.status ?? 0;
  if (status === 429 || status >= 500) return true;
  return /temporarily_unavailable|too many requests|service unavailable|gateway time-?out|bad gateway|internal server error|please retry/i.test(
    String((e as Error)?.message ?? e),
  );
}

const UNREGISTERED = new Set([
  'MissingSubscriptionRegistration',
  'NoRegisteredProviderFound',
]);

/**
 * Microsoft.Security is not registered on the subscription, so it holds no connectors and takes
 * none (https://learn.microsoft.com/en-us/azure/azure-resource-manager/troubleshooting/error-register-resource-provider).
 */
export function isUnregisteredProvider(e: unknown): boolean {
  return e instanceof ArmError && UNREGISTERED.has(e.code ?? '');
}
