import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The catalog's rule for kinds, namespaces and names, as the card's route checks them. */
const ENTITY_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** An assistant's entity ref, checked like the card's route checks its path. */
export function parseActionEntityRef(raw: string): CompoundEntityRef {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(raw.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (e) {
    throw new InputError(
      `entityRef '${raw.slice(
        0,
        100,
      )}' is not an entity reference: expected [kind:][namespace/]name, e.g. component:default/payments-api`,
    );
  }
  for (const [part, value] of Object.entries(ref)) {
    if (!ENTITY_PART.test(value)) {
      throw new InputError(
        `entityRef has an invalid ${part} '${value.slice(
          0,
          100,
        )}': 1–63 letters, digits, '.', '_' or '-'`,
      );
    }
  }
  return ref;
}
