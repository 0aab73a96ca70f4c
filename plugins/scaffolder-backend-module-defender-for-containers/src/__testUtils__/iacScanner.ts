/**
 * The scanning the two test-only parsers share (Bicep and HCL, each only the subset the
 * generators emit). Strict where the languages are: an error names the offset and what was
 * expected, so a generator bug shows as a parse failure instead of a silently different value.
 */

/** A reference to a parameter, variable or resource attribute (`var.x`, `dockerHubUsername`). */
export class Ref {
  constructor(readonly path: string) {}
}

export type Parsed =
  | string
  | number
  | boolean
  | null
  | Ref
  | Parsed[]
  | { [key: string]: Parsed };

export class Scanner {
  pos = 0;

  constructor(readonly text: string, private readonly lineComments: string[]) {}

  fail(expected: string): never {
    const line = this.text.slice(0, this.pos).split('\n').length;
    throw new SyntaxError(
      `line ${line}: expected ${expected}, found ${JSON.stringify(
        this.text.slice(this.pos, this.pos + 20),
      )}`,
    );
  }

  peek(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Spaces, tabs and comments; line breaks too when `newlines`. */
  skip(newlines = false): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) {
        this.pos++;
      } else if (this.lineComments.some(p => this.peek(p))) {
        while (!this.done && this.text[this.pos] !== '\n') this.pos++;
      } else if (this.peek('/*')) {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('*/');
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  /** The next token must be `s` (after spaces, and line breaks when `newlines`). */
  expect(s: string, newlines = false): void {
    this.skip(newlines);
    if (!this.peek(s)) this.fail(JSON.stringify(s));
    this.pos += s.length;
  }

  /** Consumes `s` if it is next, on this line. */
  accept(s: string): boolean {
    this.skip();
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  /** A line break (or the end), ending an item. */
  endOfLine(): void {
    this.skip();
    if (this.done) return;
    if (this.text[this.pos] !== '\n') this.fail('a line break');
    this.pos++;
  }

  identifier(pattern = /[A-Za-z_][A-Za-z0-9_-]*/y): string {
    this.skip();
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.text);
    if (!m) this.fail('an identifier');
    this.pos += m[0].length;
    return m[0];
  }

  /** A dotted name: an identifier followed by `.attribute`s. */
  traversal(): string {
    let path = this.identifier();
    while (this.peek('.')) {
      this.pos++;
      path += `.${this.identifier()}`;
    }
    return path;
  }

  number(): number | undefined {
    this.skip();
    const m = /-?\d+(\.\d+)?/y;
    m.lastIndex = this.pos;
    const found = m.exec(this.text);
    if (!found) return undefined;
    this.pos += found[0].length;
    return Number(found[0]);
  }

  /** Checks that no key repeats (both languages refuse duplicates) and records it. */
  static put(target: { [key: string]: Parsed }, key: string, value: Parsed) {
    if (Object.prototype.hasOwnProperty.call(target, key)) {
      throw new SyntaxError(`duplicate key ${JSON.stringify(key)}`);
    }
    target[key] = value;
  }
}
