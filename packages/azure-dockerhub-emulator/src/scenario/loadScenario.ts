import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Scenario, ScenarioInput, scenarioSchema } from './scenarioSchema';

/** @public */
export class ScenarioError extends Error {
  constructor(source: string, readonly problems: string[]) {
    super(
      `Invalid scenario ${source}:\n${problems
        .map(p => `  - ${p}`)
        .join('\n')}`,
    );
    this.name = 'ScenarioError';
  }
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((seg, i) =>
      typeof seg === 'number'
        ? `[${seg}]`
        : `${i === 0 ? '' : '.'}${String(seg)}`,
    )
    .join('');
}

/** Reference checks zod cannot express; messages name the path and never print secrets. */
function crossCheck(s: Scenario): string[] {
  const problems: string[] = [];
  const subs = new Map(
    s.azure.subscriptions.map(sub => [sub.id.toLowerCase(), sub]),
  );
  const users = new Set(s.dockerHub.users.map(u => u.username.toLowerCase()));
  const orgs = new Set(s.dockerHub.orgs.map(o => o.name.toLowerCase()));
  const secrets = new Set(s.dockerHub.tokens.map(t => t.secret));
  s.azure.principals.forEach((p, i) => {
    for (const subId of Object.keys(p.roles)) {
      if (!subs.has(subId.toLowerCase())) {
        problems.push(
          `azure.principals[${i}].roles.${subId}: unknown subscription`,
        );
      }
    }
  });
  s.azure.connectors.forEach((c, i) => {
    const at = `azure.connectors[${i}]`;
    const sub = subs.get(c.subscriptionId.toLowerCase());
    if (!sub) problems.push(`${at}.subscriptionId: unknown subscription`);
    else if (
      !sub.resourceGroups.some(
        rg => rg.name.toLowerCase() === c.resourceGroup.toLowerCase(),
      )
    ) {
      problems.push(
        `${at}.resourceGroup: not a resource group of subscription ${sub.id}`,
      );
    }
    if (!secrets.has(c.token)) {
      problems.push(
        `${at}.token: does not match any dockerHub.tokens[].secret`,
      );
    }
  });
  s.dockerHub.orgs.forEach((o, i) =>
    o.members.forEach((m, j) => {
      if (!users.has(m.user.toLowerCase())) {
        problems.push(
          `dockerHub.orgs[${i}].members[${j}].user: unknown user ${m.user}`,
        );
      }
    }),
  );
  s.dockerHub.tokens.forEach((t, i) => {
    if (t.user && !users.has(t.user.toLowerCase())) {
      problems.push(`dockerHub.tokens[${i}].user: unknown user ${t.user}`);
    }
    if (t.org && !orgs.has(t.org.toLowerCase())) {
      problems.push(
        `dockerHub.tokens[${i}].org: unknown organization ${t.org}`,
      );
    }
  });
  return problems;
}

/** @public */
export function parseScenario(input: unknown, source = '(object)'): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    throw new ScenarioError(
      source,
      result.error.issues.map(
        issue => `${formatPath(issue.path) || '(root)'}: ${issue.message}`,
      ),
    );
  }
  const problems = crossCheck(result.data);
  if (problems.length) throw new ScenarioError(source, problems);
  return result.data;
}

/** @public */
export function readScenarioFile(file: string): Scenario {
  let raw: unknown;
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both formats.
    raw = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ScenarioError(file, [
      `cannot read or parse: ${(e as Error).message}`,
    ]);
  }
  return parseScenario(raw, file);
}

export function resolveScenario(scenario: string | ScenarioInput): Scenario {
  return typeof scenario === 'string'
    ? readScenarioFile(scenario)
    : parseScenario(scenario);
}
