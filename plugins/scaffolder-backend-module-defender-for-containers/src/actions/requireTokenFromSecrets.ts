import { InputError } from '@backstage/errors';

/**
 * Refuses an access token that is not one of the task's secrets. A template that passes it as
 * `${{ parameters.token }}` stores it in the task's spec, which everyone who may see the task
 * reads, and in the task's database row for as long as the task is kept.
 */
export function requireTokenFromSecrets(
  accessToken: string,
  secrets: Record<string, string> | undefined,
): void {
  if (Object.values(secrets ?? {}).includes(accessToken)) return;
  throw new InputError(
    "accessToken must come from the task's secrets, not from a parameter: a parameter is stored in the task's spec, readable by everyone who may see the task. In the template, give the token's parameter `ui:field: Secret` and pass it to the step as `accessToken: ${{ secrets.<that parameter's name> }}`; nothing was sent to Docker Hub or Azure.",
  );
}
