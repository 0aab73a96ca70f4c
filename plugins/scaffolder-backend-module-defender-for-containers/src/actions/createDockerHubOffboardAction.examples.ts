import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** @public */
export const examples: TemplateExample[] = [
  {
    description:
      'Offboard a Docker Hub organization: the user types its name again to confirm; the connector is found in the allowed subscriptions',
    example: yaml.stringify({
      steps: [
        {
          id: 'offboard',
          action: 'defender:dockerhub:offboard',
          name: 'Delete the Defender connector',
          input: {
            organization: 'acme',
            confirmation: '${{ parameters.confirmation }}',
          },
        },
      ],
    }),
  },
];
