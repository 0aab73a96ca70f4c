// The demo scenario with 22 more connectors (team-01 … team-22, owned by the guests), so the
// overview has more than a page of connectors matching one filter and one search.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, DEMO_SCENARIO } from './stack.ts';

export const TEAM_CONNECTORS = Array.from(
  { length: 22 },
  (_, i) => `team-${String(i + 1).padStart(2, '0')}`,
);

/** Writes the scenario into e2e/artifacts and returns its path. */
export function writeOverviewScenario(): string {
  const demo = readFileSync(DEMO_SCENARIO, 'utf8');
  const marker = '\ndockerHub:';
  if (!demo.includes(marker) || !demo.includes('\n  connectors:\n')) {
    throw new Error(
      `${DEMO_SCENARIO}: no azure.connectors list before dockerHub`,
    );
  }
  const connectors = TEAM_CONNECTORS.map(organization =>
    [
      '    - subscriptionId: aaaaaaaa-0000-0000-0000-000000000001',
      '      resourceGroup: rg-defender-connectors',
      `      name: dockerhub-${organization}`,
      '      location: westeurope',
      `      organization: ${organization}`,
      '      username: mdc-umbrella',
      '      token: dckr_pat_EMULATOR0umbrellaReadFAKE01',
      '      scanInterval: 12',
      '      offerings: [CspmMonitorDockerHub, DefenderForContainersDockerHub]',
      "      tags: { backstage-owner: 'group:default/guests' }",
    ].join('\n'),
  ).join('\n');
  const file = join(artifactsDir, 'scenario-overview.yaml');
  writeFileSync(file, demo.replace(marker, `\n${connectors}\n${marker}`));
  return file;
}
