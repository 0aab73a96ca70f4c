import yaml from 'yaml';
import { TOKENS, scenario } from '../__testUtils__/scenario';
import {
  runAction,
  startActionsEmulator,
} from '../__testUtils__/startActionsEmulator';
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

describe('action examples run as written against the emulator', () => {
  let t: Awaited<ReturnType<typeof startActionsEmulator>>;
  beforeAll(async () => {
    t = await startActionsEmulator();
    t.emu.loadScenario(scenario());
  });
  afterAll(() => t.emu.stop());

  it.each([
    ['defender:dockerhub:validate', validateExamples],
    ['defender:dockerhub:onboard', onboardExamples],
    ['defender:dockerhub:offboard', offboardExamples],
  ])('%s', async (id, examples) => {
    const action = {
      'defender:dockerhub:validate': t.validate,
      'defender:dockerhub:onboard': t.onboard,
      'defender:dockerhub:offboard': t.offboard,
    }[id]!;
    for (const example of examples) {
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(id);
      const r = await runAction(action, render(step.input, context));
      expect(r.error).toBeUndefined();
    }
  });

  it('ran onboard then offboard: the example connector was created and removed', () => {
    const log = t.emu.state().requestLog;
    expect(
      log.filter(e => e.method === 'PUT' && e.status === 201),
    ).toHaveLength(1);
    expect(
      log.filter(e => e.method === 'DELETE' && e.status === 200),
    ).toHaveLength(1);
  });
});
