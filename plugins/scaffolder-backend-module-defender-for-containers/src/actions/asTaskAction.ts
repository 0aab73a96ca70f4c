import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { withHandlerCheckedInput } from './withHandlerCheckedInput';
import { withoutStackFrames } from './withoutStackFrames';

/**
 * An action as our templates and others' run it: every input rule checked by the handler, every
 * expected refusal a message without stack frames in the task log.
 */
export function asTaskAction<A extends TemplateAction<any, any, any>>(
  action: A,
): A {
  return withoutStackFrames(withHandlerCheckedInput(action));
}
