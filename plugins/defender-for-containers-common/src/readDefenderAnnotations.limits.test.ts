import type { Entity } from '@backstage/catalog-model';
import {
  MAX_ANNOTATION_LENGTH,
  MAX_ANNOTATION_VALUES,
  readConnectorId,
  readDefenderAnnotations,
} from './readDefenderAnnotations';

// The edges of what an entity author can write: exact limits, empty list items, values that are
// almost valid. (Written against the survivors of `yarn mutation`.)
const ORG = 'microsoft.com/defender-dockerhub-organization';
const REPO = 'microsoft.com/defender-dockerhub-repository';
const ID = 'microsoft.com/defender-connector-id';
const SUB = 'aaaaaaaa-0000-0000-0000-000000000001';
const id = (name = 'dockerhub-acme', sub = SUB) =>
  `/subscriptions/${sub}/resourceGroups/rg-sec/providers/Microsoft.Security/securityConnectors/${name}`;
const entity = (annotations?: Record<string, unknown>): Entity =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', ...(annotations ? { annotations } : {}) },
    spec: {},
  } as Entity);

describe('readDefenderAnnotations at its limits', () => {
  it('reads an entity without annotations as naming nothing', () => {
    expect(readDefenderAnnotations(entity())).toEqual({
      organizations: [],
      namedOrganizations: [],
      repositories: [],
      connectorIds: [],
      ignored: [],
    });
  });

  it('ignores a value that is not text, saying so', () => {
    expect(readDefenderAnnotations(entity({ [ORG]: 42 })).ignored).toEqual([
      { annotation: ORG, value: '', reason: 'not a text value' },
    ]);
  });

  it('skips empty list items silently', () => {
    const r = readDefenderAnnotations(entity({ [ORG]: ' , ,acme,, ' }));
    expect(r.namedOrganizations).toEqual(['acme']);
    expect(r.ignored).toEqual([]);
  });

  it(`reads an annotation of exactly ${MAX_ANNOTATION_LENGTH} characters, not one more`, () => {
    const list = (n: number) => {
      const head = 'acme,';
      return head + 'b'.repeat(n - head.length);
    };
    const atLimit = readDefenderAnnotations(
      entity({ [ORG]: list(MAX_ANNOTATION_LENGTH) }),
    );
    expect(atLimit.namedOrganizations).toContain('acme');
    const over = readDefenderAnnotations(
      entity({ [ORG]: list(MAX_ANNOTATION_LENGTH + 1) }),
    );
    expect(over.namedOrganizations).toEqual([]);
    expect(over.ignored).toEqual([
      {
        annotation: ORG,
        value: `${list(MAX_ANNOTATION_LENGTH + 1).slice(0, 200)}…`,
        reason: `the annotation is ${
          MAX_ANNOTATION_LENGTH + 1
        } characters long; at most ${MAX_ANNOTATION_LENGTH} are read`,
      },
    ]);
  });

  it(`reads ${MAX_ANNOTATION_VALUES} values, and says how many more it ignored`, () => {
    const orgs = (n: number) =>
      Array.from({ length: n }, (_, i) => `org${i}`).join(',');
    expect(
      readDefenderAnnotations(entity({ [ORG]: orgs(MAX_ANNOTATION_VALUES) }))
        .ignored,
    ).toEqual([]);
    const over = readDefenderAnnotations(
      entity({ [ORG]: orgs(MAX_ANNOTATION_VALUES + 2) }),
    );
    expect(over.namedOrganizations).toHaveLength(MAX_ANNOTATION_VALUES);
    expect(over.ignored).toEqual([
      {
        annotation: ORG,
        value: `org${MAX_ANNOTATION_VALUES},org${MAX_ANNOTATION_VALUES + 1}`,
        reason: `2 more values ignored: at most ${MAX_ANNOTATION_VALUES} values per annotation are read`,
      },
    ]);
  });

  it('echoes a bad value of up to 200 characters whole, a longer one cut with an ellipsis', () => {
    const bad = (n: number) => `!${'a'.repeat(n - 1)}`;
    const [whole] = readDefenderAnnotations(
      entity({ [ORG]: bad(200) }),
    ).ignored;
    expect(whole.value).toBe(bad(200));
    const [cut] = readDefenderAnnotations(entity({ [ORG]: bad(201) })).ignored;
    expect(cut.value).toBe(`${bad(201).slice(0, 200)}…`);
  });

  it('refuses organizations that only start like one', () => {
    const r = readDefenderAnnotations(entity({ [ORG]: 'acme!, acme/x' }));
    expect(r.namedOrganizations).toEqual([]);
    expect(r.ignored.map(i => i.value)).toEqual(['acme!', 'acme/x']);
    expect(r.ignored[0].reason).toBe(
      "not a Docker Hub organization name: 2–255 letters, digits, '-' or '_', starting with a letter or digit",
    );
  });

  it('refuses tags, digests and extra path parts in repositories, each with its reason', () => {
    const r = readDefenderAnnotations(
      entity({
        [REPO]: 'acme/api:latest, acme/api@sha256:abc, acme/api/extra, acme',
      }),
    );
    expect(r.repositories).toEqual([]);
    expect(r.ignored.map(i => [i.value, i.reason])).toEqual([
      [
        'acme/api:latest',
        'name the repository without a tag or digest, e.g. acme/payments-api',
      ],
      [
        'acme/api@sha256:abc',
        'name the repository without a tag or digest, e.g. acme/payments-api',
      ],
      [
        'acme/api/extra',
        'not a Docker Hub repository: expected <organization>/<repository>, lower-case letters, digits and single . _ - separators',
      ],
      [
        'acme',
        'not a Docker Hub repository: expected <organization>/<repository>, lower-case letters, digits and single . _ - separators',
      ],
    ]);
  });

  it('reads a repository name of 255 characters, not 256', () => {
    const name = (n: number) => 'r'.repeat(n);
    expect(
      readDefenderAnnotations(entity({ [REPO]: `acme/${name(255)}` }))
        .repositories,
    ).toEqual([`acme/${name(255)}`]);
    expect(
      readDefenderAnnotations(entity({ [REPO]: `acme/${name(256)}` }))
        .repositories,
    ).toEqual([]);
  });

  it('keeps one of repositories and connector ids that differ only in case', () => {
    const r = readDefenderAnnotations(
      entity({
        [REPO]: 'acme/api, ACME/Api',
        [ID]: `${id()}, ${id('DOCKERHUB-ACME')}`,
      }),
    );
    expect(r.repositories).toEqual(['acme/api']);
    expect(r.connectorIds).toEqual([id()]);
    expect(r.ignored).toEqual([]);
  });
});

describe('readDefenderAnnotations, more than one value', () => {
  it('keeps different connector ids side by side', () => {
    expect(
      readDefenderAnnotations(entity({ [ID]: `${id('a')}, ${id('b')}` }))
        .connectorIds,
    ).toEqual([id('a'), id('b')]);
  });

  it('says a repository with a blank in it has one', () => {
    expect(
      readDefenderAnnotations(entity({ [REPO]: 'acme/pay ments' })).ignored,
    ).toEqual([
      {
        annotation: REPO,
        value: 'acme/pay ments',
        reason: 'contains a space, a non-ASCII or an invisible character',
      },
    ]);
  });
});

describe('readConnectorId', () => {
  it('needs the whole text to be a connector id with a GUID subscription', () => {
    expect(readConnectorId(id())).toEqual({
      subscriptionId: SUB,
      resourceGroup: 'rg-sec',
      name: 'dockerhub-acme',
    });
    expect(readConnectorId(`https://evil.example${id()}`)).toBeUndefined();
    expect(readConnectorId(`${id()}/extra`)).toBeUndefined();
    expect(readConnectorId(id('acme', `x${SUB}`))).toBeUndefined();
    expect(readConnectorId(id('acme', `${SUB}x`))).toBeUndefined();
  });
});
