import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** @public */
export const examples: TemplateExample[] = [
  {
    description:
      'Onboard a Docker Hub organization with Defender for Containers, scanning every 12 hours, owned by a team',
    example: yaml.stringify({
      steps: [
        {
          id: 'onboard',
          action: 'defender:dockerhub:onboard',
          name: 'Create or update the Defender connector',
          input: {
            organization: 'acme',
            username: 'mdcuser',
            accessToken: '${{ secrets.accessToken }}',
            subscriptionId: '00000000-0000-0000-0000-000000000001',
            resourceGroup: 'rg-defender',
            location: 'westeurope',
            plans: { defenderForContainers: true, defenderCspm: false },
            scanIntervalHours: 12,
            owner: 'group:default/platform-team',
            system: 'containers',
          },
        },
      ],
    }),
  },
  {
    description:
      'Check everything, then output the connector as Bicep and Terraform (output iac) instead of writing it to Azure, for a pipeline to apply',
    example: yaml.stringify({
      steps: [
        {
          id: 'onboard',
          action: 'defender:dockerhub:onboard',
          name: 'Write the Defender connector as code',
          input: {
            mode: 'code',
            organization: 'acme',
            username: 'mdcuser',
            accessToken: '${{ secrets.accessToken }}',
            subscriptionId: '00000000-0000-0000-0000-000000000001',
            resourceGroup: 'rg-defender',
            owner: 'group:default/platform-team',
          },
        },
      ],
    }),
  },
];
