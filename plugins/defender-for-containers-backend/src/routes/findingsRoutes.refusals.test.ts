import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Server } from 'node:http';
import {
  OWNER,
  findingsCatalog,
  getFindings as findings,
} from '../__testUtils__/findingsRouteWorld';
import { startFindingsTestBackend } from '../__testUtils__/startFindingsTestBackend';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';

jest.setTimeout(120_000);

// What the findings route refuses (cursors of another list, bad input, entities the caller may
// not read, callers without connector.read), through the real backend on the emulator's data.

describe.each(storageTestDatabaseIds())(
  'findings route refusals on %s',
  databaseId => {
    const emulator = useHealthEmulator();
    const databases = createStorageTestDatabases();
    let server: Server;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      ({ server, stop } = await startFindingsTestBackend({
        emulator,
        features: [findingsCatalog().mock.factory],
        database: { databases, id: databaseId },
      }));
    });
    afterAll(() => stop());

    it('refuses a cursor of another list or an altered one, saying to start from the first page', async () => {
      const { nextCursor } = await findings(
        server,
        'two-orgs',
        'limit=3&severity=Critical,High,Medium',
      );
      const cursor = nextCursor!;
      const refused = async (name: string, query: string) => {
        const res = await findings(server, name, query, { status: 400 });
        expect(res).toMatchObject({
          error: {
            name: 'InputError',
            message: expect.stringMatching(/first page/),
          },
        });
      };
      for (const query of [
        'severity=Critical,High',
        'severity=Critical,High,Medium&fixable=true',
        'severity=Critical,High,Medium&sort=image',
        'severity=Critical,High,Medium&order=desc',
        'severity=Critical,High,Medium&q=cve',
      ]) {
        await refused('two-orgs', `${query}&cursor=${cursor}`);
      }
      await refused(
        'acme-all',
        `severity=Critical,High,Medium&cursor=${cursor}`,
      );
      for (const altered of [
        cursor.slice(0, -3),
        `${cursor}AAAA`,
        'bm90IGEgY3Vyc29y',
        Buffer.from('[1,2,3,4]').toString('base64url'),
      ]) {
        await refused(
          'two-orgs',
          `severity=Critical,High,Medium&cursor=${altered}`,
        );
      }
    });

    it('refuses a cursor whose position was altered to a value of the wrong type', async () => {
      const { nextCursor } = await findings(server, 'two-orgs', 'limit=3');
      const parts = JSON.parse(
        Buffer.from(nextCursor!, 'base64url').toString(),
      );
      // Sorted by severity, a position is a rank: a word is no position.
      parts[1] = 'not-a-rank';
      const altered = Buffer.from(JSON.stringify(parts)).toString('base64url');
      const res = await findings(server, 'two-orgs', `cursor=${altered}`, {
        status: 400,
      });
      expect((res as any).error.message).toMatch(/first page/);
    });

    it('refuses unknown and malformed parameters with 400', async () => {
      for (const [query, field] of [
        ['foo=1', 'query'],
        ['severity=Urgent', 'severity'],
        ['severity=Critical,Urgent', 'severity'],
        ['severity=', 'severity'],
        ['limit=0', 'limit'],
        ['limit=201', 'limit'],
        ['limit=ten', 'limit'],
        ['repository=x', 'repository'],
        ['sort=cve', 'sort'],
        ['order=up', 'order'],
        ['fixable=yes', 'fixable'],
        ['q=%20', 'q'],
      ]) {
        const res = await findings(server, 'two-orgs', query, { status: 400 });
        expect([query, (res as any).error.message]).toEqual([
          query,
          expect.stringContaining(`Invalid query: ${field}`),
        ]);
      }
    });

    it('answers 404 for an entity the caller may not read, as for one that does not exist', async () => {
      await findings(server, 'secret', '', { status: 404 });
      await findings(server, 'no-such-entity', '', { status: 404 });
      expect(
        (await findings(server, 'secret', '', { user: OWNER })).totalCount,
      ).toBe(11);
    });
  },
);

describe('findings route without connector.read', () => {
  const emulator = useHealthEmulator();

  it('answers 403 naming the permission, before reading the catalog', async () => {
    const { mock, calls } = findingsCatalog();
    const { server, stop } = await startFindingsTestBackend({
      emulator,
      features: [
        mock.factory,
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.DENY })),
        }).factory,
      ],
    });
    try {
      const res = await findings(server, 'acme-all', '', { status: 403 });
      expect((res as any).error.message).toContain(
        'defender-for-containers.connector.read',
      );
      expect(calls.getEntityByRef).toBe(0);
    } finally {
      await stop();
    }
  });
});
