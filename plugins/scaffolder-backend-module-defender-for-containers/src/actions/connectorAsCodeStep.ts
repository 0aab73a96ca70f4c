import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  DefenderArmClient,
  SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { connectorAsCode, type ConnectorIac } from '../iac/connectorIac';
import { BICEP_PARAMS } from '../iac/toBicep';
import { TERRAFORM_VARIABLES } from '../iac/toTerraform';
import { shellWord } from '../iac/iacModel';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import type { OnboardingMode } from '../input/parseOnboardingMode';
import { connectorBody } from '../onboarding/putConnector';

/**
 * What onboarding does instead of writing, on a dry run or with `mode: code`: the PUT it would
 * send (the ARM client's preview, token masked) turned into Bicep and Terraform, and task log
 * lines saying that nothing was written and how to apply the code.
 */
export function connectorAsCodeStep(
  ctx: { logger: LoggerService; isDryRun?: boolean },
  arm: DefenderArmClient,
  input: OnboardingInput,
  existing: SecurityConnector | undefined,
  mode: OnboardingMode,
): ConnectorIac {
  const preview = arm.previewPutSecurityConnector(
    input.connectorId,
    connectorBody(input, existing?.etag),
  );
  if (ctx.isDryRun) {
    ctx.logger.info(
      `Dry run: nothing written. Onboarding would ${
        existing ? 'update' : 'create'
      } the connector with:\n${preview.method} ${preview.url}\n${JSON.stringify(
        preview.body,
        null,
        2,
      )}`,
    );
  }
  const iac = connectorAsCode(preview, {
    subscriptionId: input.subscription.id,
    resourceGroup: input.resourceGroup,
    connectorName: input.connectorName,
    connectorId: input.connectorId,
    organization: input.organization,
    exists: existing !== undefined,
  });
  const why = mode === 'code' ? 'mode is code' : 'this is a dry run';
  ctx.logger.info(
    `Nothing was written to Azure (${why}). The output iac holds the connector as code, the same body the PUT would send with the access token as a parameter: iac.bicep (Bicep) and iac.terraform (Terraform, azapi). To apply it, either: az deployment group create --subscription ${shellWord(
      input.subscription.id,
    )} --resource-group ${shellWord(
      input.resourceGroup,
    )} --template-file ${shellWord(
      `${input.connectorName}.bicep`,
    )} (the Azure CLI asks for ${
      BICEP_PARAMS.accessToken
    }); or terraform init && terraform apply (the token as TF_VAR_${
      TERRAFORM_VARIABLES.accessToken
    }; Terraform keeps it in its state, so protect the state).${
      existing
        ? ` ${input.connectorName} exists already: the Bicep deployment replaces it, and the Terraform adopts it through its import block.`
        : ''
    }`,
  );
  return iac;
}
