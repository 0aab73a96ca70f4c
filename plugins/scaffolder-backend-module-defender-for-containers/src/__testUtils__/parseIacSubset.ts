import { Ref, Scanner, type Parsed } from './iacScanner';

export { Ref, type Parsed };

const KEY = /[A-Za-z_][A-Za-z0-9_]*/y;

/** `true`, `false`, `null`, a number or a reference (the languages agree on these). */
function atom(s: Scanner): Parsed {
  const n = s.number();
  if (n !== undefined) return n;
  const name = s.traversal();
  if (name === 'true') return true;
  if (name === 'false') return false;
  if (name === 'null') return null;
  return new Ref(name);
}

/** Reads escapes after a backslash; `simple` maps the one-letter ones. */
function escaped(s: Scanner, simple: Record<string, string>): string {
  const e = s.text[s.pos++];
  if (e in simple) return simple[e];
  s.pos--;
  return s.fail(`a valid escape, not \\${e}`);
}

function bicepString(s: Scanner): string {
  s.expect("'");
  if (s.peek("''"))
    s.fail('a one-line string (multi-line strings are not emitted)');
  let out = '';
  for (;;) {
    if (s.done) s.fail("a closing '");
    const c = s.text[s.pos];
    if (c === '\n' || c === '\r') s.fail('no line break inside a string');
    if (c === '$' && s.text[s.pos + 1] === '{') s.fail('no interpolation');
    s.pos++;
    if (c === "'") return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (s.peek('u{')) {
      const end = s.text.indexOf('}', s.pos);
      const hex = s.text.slice(s.pos + 2, end);
      if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) s.fail('\\u{hex}');
      out += String.fromCodePoint(parseInt(hex, 16));
      s.pos = end + 1;
      continue;
    }
    out += escaped(s, {
      '\\': '\\',
      "'": "'",
      n: '\n',
      r: '\r',
      t: '\t',
      $: '$',
    });
  }
}

function bicepValue(s: Scanner): Parsed {
  s.skip();
  if (s.peek("'")) return bicepString(s);
  if (s.peek('{') || s.peek('[')) {
    const object = s.peek('{');
    const close = object ? '}' : ']';
    s.pos++;
    const result: any = object ? {} : [];
    if (s.accept(close)) return result;
    s.endOfLine();
    for (;;) {
      s.skip(true);
      if (s.peek(close)) break;
      if (object) {
        const key = s.peek("'") ? bicepString(s) : s.identifier(KEY);
        s.expect(':');
        Scanner.put(result, key, bicepValue(s));
      } else {
        result.push(bicepValue(s));
      }
      s.endOfLine();
    }
    s.pos++;
    return result;
  }
  return atom(s);
}

export interface ParsedBicep {
  params: Record<
    string,
    { type: string; decorators: string[]; default?: Parsed }
  >;
  resources: Record<string, { type: string; body: any }>;
  outputs: Record<string, { type: string; value: Parsed }>;
}

/** The statements of a Bicep file in the subset `toBicep` emits; throws on anything else. */
export function parseBicep(text: string): ParsedBicep {
  const s = new Scanner(text, ['//']);
  const parsed: ParsedBicep = { params: {}, resources: {}, outputs: {} };
  let decorators: string[] = [];
  for (;;) {
    s.skip(true);
    if (s.done) return parsed;
    if (s.accept('@')) {
      const name = s.identifier(KEY);
      s.expect('(');
      const arg = s.accept(')') ? '' : bicepString(s);
      if (arg) s.expect(')');
      decorators.push(arg ? `${name}:${arg}` : name);
      s.endOfLine();
      continue;
    }
    const keyword = s.identifier(KEY);
    const name = s.identifier(KEY);
    if (keyword === 'param') {
      const type = s.identifier(KEY);
      const param = {
        type,
        decorators,
        ...(s.accept('=') && { default: bicepValue(s) }),
      };
      if (parsed.params[name]) s.fail(`one param ${name}`);
      parsed.params[name] = param;
    } else if (keyword === 'resource') {
      const type = bicepString(s);
      s.expect('=');
      parsed.resources[name] = { type, body: bicepValue(s) };
    } else if (keyword === 'output') {
      const type = s.identifier(KEY);
      s.expect('=');
      parsed.outputs[name] = { type, value: bicepValue(s) };
    } else {
      s.fail('param, resource or output');
    }
    decorators = [];
    s.endOfLine();
  }
}

function hclString(s: Scanner): string {
  s.expect('"');
  let out = '';
  for (;;) {
    if (s.done) s.fail('a closing "');
    const c = s.text[s.pos];
    if (c === '\n' || c === '\r') s.fail('no line break inside a string');
    if (s.peek('$${') || s.peek('%%{')) {
      out += `${c}{`;
      s.pos += 3;
      continue;
    }
    if (s.peek('${') || s.peek('%{')) s.fail('no interpolation or directive');
    s.pos++;
    if (c === '"') return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const long = /u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}/y;
    long.lastIndex = s.pos;
    const code = long.exec(s.text);
    if (code) {
      out += String.fromCodePoint(parseInt(code[0].slice(1), 16));
      s.pos += code[0].length;
      continue;
    }
    out += escaped(s, { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' });
  }
}

function hclValue(s: Scanner): Parsed {
  s.skip();
  if (s.peek('"')) return hclString(s);
  if (s.accept('{')) {
    const result: { [key: string]: Parsed } = {};
    for (;;) {
      s.skip(true);
      if (s.accept('}')) return result;
      const key = s.peek('"') ? hclString(s) : s.identifier(KEY);
      s.expect('=');
      Scanner.put(result, key, hclValue(s));
      s.accept(',');
      s.skip();
      if (!s.peek('}')) s.endOfLine();
    }
  }
  if (s.accept('[')) {
    const result: Parsed[] = [];
    for (;;) {
      s.skip(true);
      if (s.accept(']')) return result;
      result.push(hclValue(s));
      s.skip(true);
      if (!s.accept(',') && !s.peek(']')) s.fail('"," or "]"');
    }
  }
  return atom(s);
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
}

export interface HclBody {
  attributes: { [key: string]: Parsed };
  blocks: HclBlock[];
}

function hclBody(s: Scanner, nested: boolean): HclBody {
  const body: HclBody = { attributes: {}, blocks: [] };
  for (;;) {
    s.skip(true);
    if (s.done || (nested && s.peek('}'))) return body;
    const name = s.identifier();
    s.skip();
    if (s.peek('=') && !s.peek('==')) {
      s.pos++;
      Scanner.put(body.attributes, name, hclValue(s));
    } else {
      const labels: string[] = [];
      while (s.skip() === undefined && s.peek('"')) labels.push(hclString(s));
      s.expect('{');
      s.endOfLine();
      body.blocks.push({ type: name, labels, body: hclBody(s, true) });
      s.expect('}', true);
    }
    s.endOfLine();
  }
}

/** The body of a Terraform file in the subset `toTerraform` emits; throws on anything else. */
export function parseHcl(text: string): HclBody {
  return hclBody(new Scanner(text, ['#', '//']), false);
}
