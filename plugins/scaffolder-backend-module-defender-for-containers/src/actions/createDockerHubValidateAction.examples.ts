import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** @public */
export const examples: TemplateExample[] = [
  {
    description:
      'Check a Docker Hub organization, its dedicated user and read-only token, and the Azure target before onboarding',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'defender:dockerhub:validate',
          name: 'Check Docker Hub and Azure prerequisites',
          input: {
            organization: 'acme',
            username: 'mdcuser',
            accessToken: '${{ secrets.accessToken }}',
            subscriptionId: '00000000-0000-0000-0000-000000000001',
            resourceGroup: 'rg-defender',
            location: 'westeurope',
          },
        },
      ],
    }),
  },
];
