import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

// Errors of the Backstage error family (InputError, NotAllowedError, ...) are what we throw on
// purpose, with a message that says what to do; the task log prints `error.stack`, whose frames
// only bury that message. Anything else is a bug and keeps its frames.
const EXPECTED = new Set([
  'InputError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'ServiceUnavailableError',
  'AuthenticationError',
]);

/** The action, with expected failures reported without stack frames. */
export function withoutStackFrames<A extends TemplateAction<any, any, any>>(
  action: A,
): A {
  return {
    ...action,
    async handler(ctx) {
      try {
        return await action.handler(ctx);
      } catch (e) {
        if (e instanceof Error && EXPECTED.has(e.name)) {
          e.stack = `${e.name}: ${e.message}`;
        }
        throw e;
      }
    },
  };
}
