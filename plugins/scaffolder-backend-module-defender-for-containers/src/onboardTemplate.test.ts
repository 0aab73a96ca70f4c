import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import yaml from 'yaml';
import { ACME_INPUT } from './__testUtils__/scenario';
import { sharedActionsEmulator } from './__testUtils__/sharedActionsEmulator';
import { runAction } from './__testUtils__/startActionsEmulator';

/**
 * The installed scaffolder's template engine (nunjitsu, a dependency of
 * `@backstage/plugin-scaffolder-backend`), so the test renders as a task would.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createTemplateRenderer } = require(require.resolve('nunjitsu', {
  paths: [dirname(require.resolve('@backstage/plugin-scaffolder-backend'))],
}));

const template = yaml.parse(
  readFileSync(
    resolve(
      __dirname,
      '../../../templates/defender-onboard-dockerhub/template.yaml',
    ),
    'utf8',
  ),
);

/**
 * Renders like the scaffolder's task runner (`NunjucksWorkflowRunner.render`): every string
 * rendered with JSON coercion, a value that renders empty dropped. Then what the task page shows:
 * links with a url or entity ref, texts with content.
 */
function taskPage(value: unknown, context: Record<string, unknown>) {
  const renderer = createTemplateRenderer({});
  const prepared = renderer.prepareContext(context);
  const rendered = JSON.parse(JSON.stringify(value), (_key, v) => {
    try {
      return typeof v === 'string'
        ? renderer.renderValue(v, prepared, { coercion: 'json' })
        : v;
    } catch {
      return v;
    }
  });
  return {
    rendered,
    links: (rendered.links ?? []).filter((l: any) => l.url || l.entityRef),
    texts: (rendered.text ?? []).filter((t: any) => t.content !== undefined),
  };
}

describe('the onboarding template', () => {
  const t = sharedActionsEmulator();
  const parameters = { organization: 'acme' };

  it('offers apply (default) or code, and passes it to the action', () => {
    const azure = template.spec.parameters.find(
      (p: any) => p.title === 'Azure',
    );
    expect(azure.properties.mode).toMatchObject({
      type: 'string',
      enum: ['apply', 'code'],
      default: 'apply',
    });
    const [step] = template.spec.steps;
    expect(step.input.mode).toBe('${{ parameters.mode }}');
    // A task started without the parameter (an older form, the API) applies.
    expect(taskPage(step.input, { parameters }).rendered.mode).toBeUndefined();
  });

  it('mode code: says nothing was written, shows the Bicep and Terraform in fenced blocks, no links', async () => {
    const r = await runAction(t.onboard, { ...ACME_INPUT, mode: 'code' });
    expect(r.error).toBeUndefined();
    const page = taskPage(template.spec.output, {
      parameters: { ...parameters, mode: 'code' },
      steps: { onboard: { output: r.outputs } },
    });
    expect(page.links).toEqual([]);
    expect(page.texts.map((x: any) => x.title)).toEqual([
      'What happens next',
      'Bicep',
      'Terraform',
    ]);
    const [next, bicep, terraform] = page.texts.map((x: any) => x.content);
    expect(next).toMatch(/^\*\*Nothing was written to Azure\.\*\*/);
    expect(next).toContain('**acme**');
    expect(bicep).toContain(`\`\`\`bicep\n${r.outputs.iac.bicep}\n\`\`\``);
    expect(bicep).toContain('az deployment group create');
    expect(terraform).toContain(
      `\`\`\`hcl\n${r.outputs.iac.terraform}\n\`\`\``,
    );
    expect(terraform).toContain('keeps the token in its state');
  });

  it('mode apply: the links and what happens next, no code', async () => {
    const r = await runAction(t.onboard, { ...ACME_INPUT, mode: 'apply' });
    expect(r.outputs.operation).toBe('created');
    const page = taskPage(template.spec.output, {
      parameters: { ...parameters, mode: 'apply' },
      steps: { onboard: { output: r.outputs } },
    });
    expect(page.links).toEqual([
      {
        title: 'Connector in the catalog',
        icon: 'catalog',
        entityRef: 'resource:default/defender-dockerhub-acme',
      },
      { title: 'Open in the Azure portal', url: r.outputs.portalUrl },
    ]);
    expect(page.texts).toHaveLength(1);
    expect(page.texts[0].content).toMatch(
      /^Defender starts scanning \*\*acme\*\* within an hour/,
    );
  });
});
