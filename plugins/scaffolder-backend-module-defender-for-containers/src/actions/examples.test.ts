import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { TOKENS, scenario } from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import { runAction } from '../__testUtils__/startActionsEmulator';
import { examples as validateExamples } from './createDockerHubValidateAction.examples';
import { examples as onboardExamples } from './createDockerHubOnboardAction.examples';
import { examples as offboardExamples } from './createDockerHubOffboardAction.examples';

/** The only templating the examples use: `${{ secrets.x }}` and `${{ parameters.x }}`. */
function render(
  value: unknown,
  context: Record<string, Record<string, string>>,
): any {
  if (typeof value === 'string') {
    return value.replace(
      /\$\{\{\s*(secrets|parameters)\.(\w+)\s*\}\}/g,
      (_m, scope, key) => context[scope][key],
    );
  }
  if (Array.isArray(value)) return value.map(v => render(v, context));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, render(v, context)]),
    );
  }
  return value;
}

const context = {
  secrets: { accessToken: TOKENS.read },
  parameters: { confirmation: 'acme' },
};

/** The steps of every example of an action, rendered as a task would render them. */
function stepsOf(id: string, examples: TemplateExample[]) {
  return examples.map(example => {
    const step = yaml.parse(example.example).steps[0];
    expect(step.action).toBe(id);
    return render(step.input, context);
  });
}

describe('action examples run as written against the emulator', () => {
  // Each test starts from the same world and sets up what it needs: no test relies on another.
  const t = sharedActionsEmulator();
  const writes = (method: string, status: number) =>
    t.emu
      .state()
      .requestLog.filter(e => e.method === method && e.status === status);
  const acmeConnectors = () =>
    t.emu
      .state()
      .connectors.filter(
        (c: any) => c.properties.hierarchyIdentifier === 'acme',
      );

  it('defender:dockerhub:validate: every example passes and writes nothing', async () => {
    for (const input of stepsOf(
      'defender:dockerhub:validate',
      validateExamples,
    )) {
      const r = await runAction(t.validate, input);
      expect(r.error).toBeUndefined();
    }
    expect(t.writes()).toEqual([]);
  });

  it('defender:dockerhub:onboard: every example creates the connector it describes, or its code', async () => {
    for (const input of stepsOf(
      'defender:dockerhub:onboard',
      onboardExamples,
    )) {
      expect(acmeConnectors()).toHaveLength(0);
      const r = await runAction(t.onboard, input);
      expect(r.error).toBeUndefined();
      // An example in mode code writes nothing and outputs the connector as code instead.
      const code = input.mode === 'code';
      expect({
        operation: r.outputs.operation,
        iac: r.outputs.iac?.bicep?.includes("hierarchyIdentifier: 'acme'"),
        connectors: acmeConnectors().length,
      }).toEqual({
        operation: code ? 'dry-run' : 'created',
        iac: code ? true : undefined,
        connectors: code ? 0 : 1,
      });
      t.emu.loadScenario(scenario());
    }
  });

  it('defender:dockerhub:offboard: every example removes the connector it names', async () => {
    for (const input of stepsOf(
      'defender:dockerhub:offboard',
      offboardExamples,
    )) {
      // What the example offboards: acme onboarded with the onboarding example's own input.
      const [onboardInput] = stepsOf(
        'defender:dockerhub:onboard',
        onboardExamples,
      );
      expect((await runAction(t.onboard, onboardInput)).error).toBeUndefined();
      expect(writes('PUT', 201)).toHaveLength(1);

      const r = await runAction(t.offboard, input);
      expect(r.error).toBeUndefined();
      expect(r.outputs.removed).toBe(true);
      expect(writes('DELETE', 200)).toHaveLength(1);
      expect(acmeConnectors()).toHaveLength(0);
      t.emu.loadScenario(scenario());
    }
  });
});
