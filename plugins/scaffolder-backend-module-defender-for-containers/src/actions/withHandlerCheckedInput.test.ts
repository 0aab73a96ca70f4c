import { validate } from 'jsonschema';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { withHandlerCheckedInput } from './withHandlerCheckedInput';

function recording() {
  const seen: unknown[] = [];
  const action = withHandlerCheckedInput(
    createTemplateAction({
      id: 'test:onboard',
      schema: {
        input: {
          organization: z => z.string().describe('Docker Hub organization'),
          confirmation: z => z.string().optional(),
          scanIntervalHours: z => z.number().optional(),
          writeScopedTokens: z => z.enum(['refuse', 'warn']).optional(),
          tags: z => z.record(z.string()).optional(),
          plans: z =>
            z
              .object({
                defenderCspm: z.boolean().optional().describe('CSPM plan'),
              })
              .optional(),
        },
      },
      async handler(ctx) {
        seen.push(ctx.input);
      },
    }),
  );
  const run = (input: Record<string, unknown>) =>
    action.handler(createMockActionContext({ input: input as never }) as any);
  return { action, seen, run };
}

describe('withHandlerCheckedInput', () => {
  it("declares a schema the scaffolder's own check (jsonschema) passes for any value, so the handler's messages are the ones users see", () => {
    const { action } = recording();
    for (const input of [
      {},
      { organization: 42 },
      { organization: null, plans: 'all', scanIntervalHours: 'daily' },
      { plans: { defenderCspm: 'yes' }, tags: 'x', writeScopedTokens: 'allow' },
      { somethingElse: true },
    ]) {
      expect(validate(input, action.schema!.input as any).errors).toEqual([]);
    }
  });

  it('still documents each input: its type and whether it is required in the title, its description, nested inputs', () => {
    const { action } = recording();
    expect((action.schema!.input as any).type).toBe('object');
    expect((action.schema!.input as any).properties).toEqual({
      organization: {
        title: 'text, required',
        description: 'Docker Hub organization',
      },
      confirmation: { title: 'text' },
      scanIntervalHours: { title: 'number' },
      writeScopedTokens: { title: "'refuse' or 'warn'" },
      tags: { title: 'object of text values' },
      plans: {
        title: 'object',
        properties: {
          defenderCspm: { title: 'true or false', description: 'CSPM plan' },
        },
      },
    });
  });

  it('marks the required inputs of a nested object', () => {
    const action = withHandlerCheckedInput(
      createTemplateAction({
        id: 'test:nested',
        schema: {
          input: {
            target: z =>
              z
                .object({
                  subscriptionId: z.string(),
                  region: z.string().optional(),
                })
                .optional(),
          },
        },
        async handler() {},
      }),
    );
    expect((action.schema!.input as any).properties.target).toEqual({
      title: 'object',
      properties: {
        subscriptionId: { title: 'text, required' },
        region: { title: 'text' },
      },
    });
  });

  it.each([
    { organization: 42, plans: { defenderCspm: true } },
    { plans: 'all' },
    { plans: ['defenderCspm'] },
    { plans: null },
    { tags: { anything: 'x' } },
  ])(
    'passes declared inputs, of whatever type, to the handler, whose checks say what is wrong: %j',
    async input => {
      const { run, seen } = recording();
      await run(input);
      expect(seen).toEqual([input]);
    },
  );

  it.each([
    [
      { organization: 'acme', scanIntervalHour: 1 },
      "test:onboard has no input 'scanIntervalHour' (did you mean 'scanIntervalHours'?); it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { organization: 'acme', Organization: 'acme' },
      "test:onboard has no input 'Organization' (did you mean 'organization'?); it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { organization: 'acme', confirm: 'acme' },
      "test:onboard has no input 'confirm' (did you mean 'confirmation'?); it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { organisation: 'acme' },
      "test:onboard has no input 'organisation' (did you mean 'organization'?); it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { scanIntervallHours: 1 },
      "test:onboard has no input 'scanIntervallHours' (did you mean 'scanIntervalHours'?); it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { orgnizaton: 'acme' },
      "test:onboard has no input 'orgnizaton' (did you mean 'organization'?); it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { orgnzaton: 'acme' },
      "test:onboard has no input 'orgnzaton'; it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      // one edit from plans, two from tags: the nearer wins, whatever the order declared
      { plags: {} },
      "test:onboard has no input 'plags' (did you mean 'plans'?); it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { conf: 'acme' },
      "test:onboard has no input 'conf' (did you mean 'confirmation'?); it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 },
      "test:onboard has no input 'a', 'b', 'c', 'd', 'e'; it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { organization: 'acme', password: 'x', token: 'y' },
      "test:onboard has no input 'password', 'token'; it takes organization, confirmation, scanIntervalHours, writeScopedTokens, tags, plans",
    ],
    [
      { organization: 'acme', plans: { defenderCSPM: true } },
      "test:onboard has no input 'plans.defenderCSPM' (did you mean 'defenderCspm'?); plans takes defenderCspm",
    ],
  ])(
    'refuses undeclared keys before the handler runs: %j',
    async (input, message) => {
      const { run, seen } = recording();
      await expect(run(input)).rejects.toThrow(message);
      expect(seen).toEqual([]);
    },
  );

  it('does not take a very short key for a shortening of a longer one', async () => {
    const { run } = recording();
    await expect(run({ con: 1 })).rejects.toThrow(
      "test:onboard has no input 'con'; it takes",
    );
  });
});
