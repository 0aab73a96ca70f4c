/** A value of the connector as code: JSON, or a reference to a parameter / variable. */
export type IacValue =
  | string
  | number
  | boolean
  | null
  | IacReference
  | IacValue[]
  | { [key: string]: IacValue };

/** The two inputs the code declares instead of stating their values. */
export type IacInput = 'username' | 'accessToken';

/** Stands where the code refers to a parameter (Bicep) or variable (Terraform). */
export class IacReference {
  constructor(readonly input: IacInput) {}
}

/** Where the connector goes and what it is: everything both generators need. */
export interface ConnectorIacModel {
  apiVersion: string;
  subscriptionId: string;
  resourceGroup: string;
  connectorName: string;
  connectorId: string;
  organization: string;
  /** The Docker Hub user, the default of the username parameter / variable. */
  username: string;
  /** Whether a connector exists at the id already (Terraform must adopt it, not create it). */
  exists: boolean;
  /** `location`, `tags`, `properties`, in the PUT body's order, the credential as references. */
  resource: { [key: string]: IacValue };
}

/** Literals and keywords both languages would not read as a plain key. */
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

/** Whether both languages accept the key unquoted (and mean it literally). */
export const isPlainKey = (key: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !KEYWORDS.has(key);

/** Keeps a value's order of keys while replacing some of them. */
export function mapEntries(
  value: object,
  map: (key: string, v: IacValue) => IacValue,
): { [key: string]: IacValue } {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, map(k, v as IacValue)]),
  );
}

/** A word for a POSIX shell command line: quoted unless it is plainly safe. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,:/=@+-]+$/.test(word)
    ? word
    : `'${word.replace(/'/g, `'\\''`)}'`;
}

// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]/g;

/**
 * Comment lines with a prefix. Line breaks and other control characters become spaces, so no
 * text can end the comment and start code.
 */
export function commentLines(prefix: string, lines: string[]): string[] {
  return lines.map(line =>
    `${prefix} ${line.replace(LINE_BREAKING, ' ')}`.trimEnd(),
  );
}
