import { ConvertContext } from './convertSchemaNode';

/**
 * Known deviations between hub-api-latest.yaml and what Docker Hub really returns
 * (specs/DOCKERHUB-SOURCES.md, "Known quirks"): `tag.images` is an
 * array of `image` (the spec declares one object), the tag status field is `tag_status` and `v2`
 * is a boolean. The emulator answers like the real service, so the validator accepts both forms;
 * this is the only place where the spec is amended.
 */
export function applyHubSpecQuirks(
  schemas: Record<string, any>,
  ctx: ConvertContext,
): void {
  const tag = schemas.tag;
  if (!tag?.properties) return;
  const image = { $ref: ctx.resolveRef('#/components/schemas/image', false) };
  tag.properties.images = { anyOf: [image, { type: 'array', items: image }] };
  tag.properties.v2 = { type: ['string', 'boolean'] };
  tag.properties.tag_status = { type: 'string', enum: ['active', 'inactive'] };
}
