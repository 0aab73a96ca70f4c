import { buildDockerHubConnectorBody } from '@defender-backstage/plugin-defender-for-containers-node';
import { parseIac } from '../__testUtils__/iacBodies';
import { parseBicep, parseHcl } from '../__testUtils__/parseIacSubset';
import { connectorAsCode } from './connectorIac';
import { commentLines, shellWord } from './iacModel';
import { bicepString, bicepValue } from './toBicep';
import { hclString, hclValue } from './toTerraform';

const NASTY = [
  "it's",
  'say "hi"',
  '${var.x}',
  '%{ if true }x%{ endif }',
  'C:\\path\\',
  '$5 and {braces} and $ {',
  'line\nbreak\r\nand\ttab',
  'bell\u0007 del\u007f',
  'é ü 日本 😀',
  'para\u2028graph\u2029',
  '```\n~~~',
  '',
];

describe('strings in the generated code', () => {
  it('Bicep: the escapes of the language reference', () => {
    expect(bicepString("it's ${x} $5 {y} C:\\")).toBe(
      "'it\\'s \\${x} $5 {y} C:\\\\'",
    );
    expect(bicepString('a\nb\r\tc\u0001')).toBe("'a\\nb\\r\\tc\\u{1}'");
  });

  it('HCL: the escapes of the language spec ($${ and %%{ for literal ${ and %{)', () => {
    expect(hclString('say "hi" ${x} %{y} $5 C:\\')).toBe(
      '"say \\"hi\\" $${x} %%{y} $5 C:\\\\"',
    );
    expect(hclString('a\nb\r\tc\u0001')).toBe('"a\\nb\\r\\tc\\u0001"');
  });

  it('keys that are not plain identifiers (or are keywords) are quoted', () => {
    const value = { plain_Key1: 1, 'backstage-owner': 2, 'a b': 3, null: 4 };
    expect(bicepValue(value)).toBe(
      "{\n  plain_Key1: 1\n  'backstage-owner': 2\n  'a b': 3\n  'null': 4\n}",
    );
    expect(hclValue(value)).toBe(
      '{\n  plain_Key1        = 1\n  "backstage-owner" = 2\n  "a b"             = 3\n  "null"            = 4\n}',
    );
  });

  it.each(NASTY)(
    'round-trips %j as a tag name and value in both languages',
    nasty => {
      const tags = { [`k ${nasty}`]: nasty, plain: nasty };
      const body = buildDockerHubConnectorBody({
        organization: 'acme',
        username: 'mdcuser',
        accessToken: 'dckr_pat_x',
        location: 'westeurope',
        scanIntervalHours: 3,
        plans: { defenderForContainers: true, defenderCspm: true },
        tags,
      });
      const iac = connectorAsCode(
        {
          method: 'PUT',
          url: 'https://management.azure.com/x?api-version=2024-08-01-preview',
          body,
        },
        {
          subscriptionId: '00000000-0000-0000-0000-000000000001',
          resourceGroup: 'rg',
          connectorName: 'dockerhub-acme',
          connectorId: '/x',
          organization: 'acme',
          exists: false,
        },
      );
      const parsed = parseIac(iac);
      expect(parsed.bicepBody.tags).toStrictEqual(tags);
      expect(parsed.terraformBody.tags).toStrictEqual(tags);
      // The task page shows the code inside Markdown fences: no line may close one.
      for (const code of [iac.bicep, iac.terraform]) {
        expect(code).not.toMatch(/^ {0,3}(```|~~~)/m);
      }
    },
  );

  it('comments cannot be ended by their text, and shell words are quoted when needed', () => {
    expect(commentLines('#', ['a\nresource "x" "y" {}'])).toEqual([
      '# a resource "x" "y" {}',
    ]);
    expect(shellWord('rg-defender_1.x')).toBe('rg-defender_1.x');
    expect(shellWord("rg (it's)")).toBe(`'rg (it'\\''s)'`);
  });

  it('refuses numbers a language has no literal for', () => {
    expect(() => bicepValue(1.5)).toThrow('Bicep has no literal');
    expect(() => hclValue(Number.NaN)).toThrow('HCL has no literal');
  });

  it('the test parsers refuse what the languages would read differently', () => {
    expect(() => parseHcl('a = "${x}"\n')).toThrow('no interpolation');
    expect(() => parseHcl('a = "%{ if x }"\n')).toThrow('no interpolation');
    expect(() => parseHcl('a = "\\q"\n')).toThrow('a valid escape');
    expect(() => parseHcl('a = 1 b = 2\n')).toThrow('a line break');
    expect(() => parseHcl('a = {\n  k = 1\n  k = 2\n}\n')).toThrow(
      'duplicate key',
    );
    expect(() => parseBicep("param a string = '${x}'\n")).toThrow(
      'no interpolation',
    );
    expect(() => parseBicep("param a string = 'it's'\n")).toThrow();
    expect(parseHcl('a = "$${x} %%{y} \\u00e9"\n').attributes.a).toBe(
      '${x} %{y} é',
    );
  });
});
