// The demo scenario with acme onboarded (owned by the guests), so payments-api has a connector
// and its 143 open findings, and the guests' roll-up covers acme, umbrella and initech.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, DEMO_SCENARIO } from './stack.ts';

/** Writes the scenario into e2e/artifacts and returns its path. */
export function writeFindingsScenario(): string {
  const demo = readFileSync(DEMO_SCENARIO, 'utf8');
  const marker = '\ndockerHub:';
  if (!demo.includes(marker) || !demo.includes('\n  connectors:\n')) {
    throw new Error(
      `${DEMO_SCENARIO}: no azure.connectors list before dockerHub`,
    );
  }
  const acme = [
    '    - subscriptionId: aaaaaaaa-0000-0000-0000-000000000001',
    '      resourceGroup: rg-defender-connectors',
    '      name: dockerhub-acme',
    '      location: westeurope',
    '      organization: acme',
    '      username: mdc-acme',
    '      token: dckr_pat_EMULATOR0acmeReadOnlyFAKE01',
    '      scanInterval: 12',
    '      offerings: [CspmMonitorDockerHub, DefenderForContainersDockerHub]',
    "      tags: { backstage-owner: 'group:default/guests' }",
  ].join('\n');
  const file = join(artifactsDir, 'scenario-findings.yaml');
  writeFileSync(file, demo.replace(marker, `\n${acme}\n${marker}`));
  return file;
}
