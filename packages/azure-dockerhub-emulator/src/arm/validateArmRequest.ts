import type { RequestContext } from '../server/RequestContext';
import type { SpecOperation } from '../spec/SpecOperation';
import { armError } from './armErrors';

function parseBody(
  ctx: RequestContext,
): { ok: true; body: unknown } | { ok: false } {
  if (ctx.rawBody.length === 0) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(ctx.rawBody.toString('utf8')) };
  } catch (e) {
    void armError(
      ctx,
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${
        (e as Error).message
      }'.`,
    );
    return { ok: false };
  }
}

/**
 * The request's body once it parses and satisfies the operation's spec (path, query and body),
 * answered as ARM does otherwise: then undefined.
 */
export async function validateArmRequest(
  ctx: RequestContext,
  op: SpecOperation,
  params: Record<string, string>,
): Promise<{ body: unknown } | undefined> {
  const parsed = parseBody(ctx);
  if (!parsed.ok) return undefined;
  if (op.hasBody && parsed.body === undefined && op.bodyRequired) {
    await armError(
      ctx,
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized: the request body is missing.',
    );
    return undefined;
  }
  const issues = ctx.core.specs.validateRequest(op.id, {
    path: params,
    query: ctx.query,
    body: parsed.body,
  });
  if (issues.length > 0) {
    const bodyIssues = issues.filter(i => i.location === 'body');
    const first = bodyIssues[0] ?? issues[0];
    const where =
      first.location === 'body'
        ? `Path '${first.name}'`
        : `Parameter '${first.name}'`;
    await armError(
      ctx,
      400,
      bodyIssues.length ? 'InvalidRequestContent' : 'InvalidRequestFormat',
      bodyIssues.length
        ? `The request content was invalid and could not be deserialized: '${first.name} ${first.message}. ${where}.'`
        : `The request is invalid: ${first.location} parameter '${first.name}' ${first.message}.`,
      {
        target: first.name,
        details: issues.map(i => ({
          code:
            i.location === 'body'
              ? 'InvalidRequestContent'
              : 'InvalidRequestFormat',
          target: i.name,
          message: `${i.location === 'body' ? 'Property' : 'Parameter'} '${
            i.name
          }' ${i.message}.`,
        })),
      },
    );
    return undefined;
  }
  return { body: parsed.body };
}
