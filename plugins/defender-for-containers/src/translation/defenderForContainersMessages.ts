import { cardMessages } from './cardMessages';
import { findingsMessages } from './findingsMessages';
import { findingsTabMessages } from './findingsTabMessages';
import { overviewMessages } from './overviewMessages';
import { pickerMessages } from './pickerMessages';
import { rollupMessages } from './rollupMessages';

/** Every English message of the plugin, nested by the part of the UI it belongs to. */
export const defenderForContainersMessages = {
  ...cardMessages,
  ...findingsMessages,
  ...findingsTabMessages,
  ...overviewMessages,
  ...pickerMessages,
  ...rollupMessages,
} as const;

/**
 * The same nesting with any string: what a translation provides, so a missing or misspelt key
 * fails the type check instead of showing English in the middle of another language.
 */
export type MessagesLike<T> = {
  [K in keyof T]: T[K] extends string ? string : MessagesLike<T[K]>;
};

/** The dotted keys of nested messages, e.g. `card.title`. */
export type FlatKeys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : FlatKeys<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key of the plugin. */
export type DefenderForContainersMessageKey = FlatKeys<
  typeof defenderForContainersMessages
>;

/** Nested messages as the dotted keys the translation API looks them up by. */
export function flattenMessages(
  nested: object,
  prefix = '',
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(nested).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flattenMessages(value, `${prefix}${key}.`)),
    ),
  );
}
