import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { withoutStackFrames } from './withoutStackFrames';

const failingWith = (error: Error) =>
  withoutStackFrames(
    createTemplateAction({
      id: 'test:fail',
      schema: { input: {} },
      async handler() {
        throw error;
      },
    }),
  );

describe('withoutStackFrames', () => {
  it('reports an expected failure as its message alone', async () => {
    const error = new InputError(
      'the token has write scope; create a Read-only token',
    );
    await expect(
      failingWith(error).handler(createMockActionContext({ input: {} }) as any),
    ).rejects.toBe(error);
    expect(error.stack).toBe(
      'InputError: the token has write scope; create a Read-only token',
    );
  });

  it('keeps the frames of an unexpected error, which is a bug to report', async () => {
    const error = new TypeError('x is undefined');
    await expect(
      failingWith(error).handler(createMockActionContext({ input: {} }) as any),
    ).rejects.toBe(error);
    expect(error.stack).toContain('withoutStackFrames.test.ts');
  });
});
