import * as https from 'node:https';
import * as tls from 'node:tls';
import { DockerHubError } from '../dockerhub/DockerHubError';
import { FetchDockerHubClient } from '../dockerhub/FetchDockerHubClient';
import { createAzureCredential } from '../azure/createAzureCredential';
import { SecurityCenterArmClient } from '../azure/SecurityCenterArmClient';
import { READ_TOKEN, SUB, startDefenderTestEmulator } from '../testUtils';
import { createDefenderTlsTrust } from './createDefenderTlsTrust';

// The real module object: Node's TLS code and undici look `connect` and `createSecureContext` up
// on it, so spies on it see every new socket and every parse a socket makes of a `ca` list.
const realTls: typeof tls = jest.requireActual('node:tls');

describe('createDefenderTlsTrust', () => {
  afterEach(() => jest.restoreAllMocks());

  it('builds nothing without an extra CA', () => {
    const contexts = jest.spyOn(realTls, 'createSecureContext');
    expect(createDefenderTlsTrust({})).toBeUndefined();
    expect(contexts).not.toHaveBeenCalled();
  });

  it("falls back to Node's bundled roots where tls.getCACertificates is missing (Node < 22.15)", () => {
    jest.isolateModules(() => {
      jest.doMock('node:tls', () => ({
        ...jest.requireActual('node:tls'),
        getCACertificates: undefined,
      }));
      const isolated: typeof import('./loadTrustedCertificates') = require('./loadTrustedCertificates');
      const pem = tls.rootCertificates[0];
      expect(isolated.loadTrustedCertificates({ caPem: pem })).toEqual([
        ...tls.rootCertificates,
        pem,
      ]);
    });
    jest.dontMock('node:tls');
  });
});

describe('createDefenderTlsTrust against the emulator (HTTPS, its own CA)', () => {
  let t: Awaited<ReturnType<typeof startDefenderTestEmulator>>;
  beforeAll(async () => {
    t = await startDefenderTestEmulator();
  });
  afterAll(() => t.emu.stop());
  afterEach(() => jest.restoreAllMocks());

  it('keeps every public root trusted beside the emulator CA', async () => {
    const trust = createDefenderTlsTrust({ caPem: t.emu.caPem })!;
    expect(trust.certificates).toEqual(
      expect.arrayContaining([...tls.rootCertificates]),
    );
    expect(trust.certificates[trust.certificates.length - 1]).toBe(
      t.emu.caPem.trim(),
    );
    await trust.close();
  });

  it('serves the ARM clients, their Entra credentials and the Docker Hub clients with one agent, one dispatcher and no parse per connection', async () => {
    // Which agents open the Azure SDK's connections (undici's do not go through https.Agent).
    const agents = new Set<https.Agent>();
    const createConnection = https.Agent.prototype.createConnection;
    jest
      .spyOn(https.Agent.prototype, 'createConnection')
      .mockImplementation(function track(this: https.Agent, ...args) {
        agents.add(this);
        return createConnection.apply(this, args);
      });
    const trust = createDefenderTlsTrust({ caPem: t.emu.caPem })!;
    const dispatch = jest.spyOn(trust.dispatcher, 'dispatch');
    const connects = jest.spyOn(realTls, 'connect');
    const contexts = jest.spyOn(realTls, 'createSecureContext');
    const arms = [1, 2].map(
      () =>
        new SecurityCenterArmClient({
          config: t.config,
          credential: createAzureCredential(t.config.azure, { trust }),
          trust,
        }),
    );
    const hubs = [1, 2].map(
      () => new FetchDockerHubClient({ dockerHub: t.config.dockerHub, trust }),
    );
    // Concurrent calls, so that each pool opens several connections.
    const calls = [
      ...arms.flatMap(arm =>
        [1, 2, 3, 4].map(() => arm.getPricing(SUB, 'Containers')),
      ),
      ...hubs.flatMap(hub =>
        [1, 2, 3, 4].map(() =>
          hub.signIn({ username: 'mdcuser', secret: READ_TOKEN }),
        ),
      ),
    ];
    await expect(Promise.all(calls)).resolves.toHaveLength(16);

    expect(connects.mock.calls.length).toBeGreaterThan(2);
    expect(contexts).not.toHaveBeenCalled();
    expect(agents.size).toBe(1);
    expect([...agents][0].options.secureContext).toBe(trust.secureContext);
    expect(dispatch.mock.calls.length).toBeGreaterThanOrEqual(8);
    await trust.close();
  });

  it('still verifies the server: a trust without the emulator CA refuses it', async () => {
    const trust = createDefenderTlsTrust({ caPem: tls.rootCertificates[0] })!;
    const hub = new FetchDockerHubClient({
      dockerHub: t.config.dockerHub,
      trust,
      maxRetries: 0,
    });
    const error = await hub
      .signIn({ username: 'mdcuser', secret: READ_TOKEN })
      .catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    await expect(
      createAzureCredential(t.config.azure, { trust }).getToken(
        'https://management.azure.com/.default',
      ),
    ).rejects.toThrow(); // MSAL reports it as endpoints_resolution_error
    await trust.close();
  });
});
