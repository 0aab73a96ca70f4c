import { InputError } from '@backstage/errors';
import {
  CONNECTOR_TAG_OWNER,
  CONNECTOR_TAG_SYSTEM,
  connectorOwnerRef,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { optionalTextInput, textInput } from './inputRules';

/** Azure tag limits: 50 tags, names ≤ 512 without `<>%&\?/`, values ≤ 256. */
const MAX_TAGS = 50;
const TAG_NAME = /^[^<>%&\\?/]{1,512}$/;
/**
 * `[kind:][namespace/]name` by the catalog's rules, as the backend reads the tags back
 * (`connectorOwnerRef`): a ref accepted here is one the connector provider and the overview's
 * owner filter accept too.
 */
const ENTITY_REF = {
  test: (value: string) => connectorOwnerRef(value) !== undefined,
};

/** The `tags` input, or undefined when it is absent. */
function parseTags(raw: unknown) {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError('tags must be an object of tag names to text values');
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > MAX_TAGS - 2) {
    throw new InputError(
      `tags has ${entries.length} entries; Azure allows ${MAX_TAGS} per resource, 2 of which are kept for owner and system`,
    );
  }
  const tags: Record<string, string> = {};
  for (const [name, value] of entries) {
    textInput('a tag name', name, {
      maxLength: 512,
      pattern: TAG_NAME,
      expected: "no '<', '>', '%', '&', '\\', '?' or '/'",
    });
    tags[name] = textInput(`tag ${name.slice(0, 40)}`, value, {
      maxLength: 256,
    });
  }
  return tags;
}

/**
 * The `owner`, `system` and `tags` inputs as given (absent when not), and the Azure tags of a new
 * connector they make: the further tags plus `backstage-owner` / `backstage-system`.
 */
export function parseConnectorTags(input: Record<string, unknown>) {
  const refRule = {
    maxLength: 255,
    pattern: ENTITY_REF,
    expected: 'a catalog entity ref such as group:default/team-a',
  };
  const owner = optionalTextInput('owner', input.owner, refRule);
  const system = optionalTextInput('system', input.system, refRule);
  const given = parseTags(input.tags);
  const tags = { ...given };
  if (owner) tags[CONNECTOR_TAG_OWNER] = owner;
  if (system) tags[CONNECTOR_TAG_SYSTEM] = system;
  return { owner, system, given, tags };
}
