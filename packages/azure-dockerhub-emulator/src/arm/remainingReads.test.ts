import { startEmulator, type Emulator } from '../startEmulator';
import { DEMO, TestClient } from '../testUtils/TestClient';

describe('x-ms-ratelimit-remaining-subscription-reads', () => {
  let emu: Emulator;
  let client: TestClient;
  beforeAll(async () => {
    // A frozen base clock: the bucket refills only when the test moves time.
    const frozen = Date.now();
    emu = await startEmulator({ now: () => frozen });
    client = new TestClient(emu);
  });
  afterAll(async () => {
    client.close();
    await emu.stop();
  });
  const list = () =>
    client.arm(
      'GET',
      `/subscriptions/${DEMO.prodSub}/providers/Microsoft.Security/securityConnectors`,
      {
        apiVersion: '2024-08-01-preview',
      },
    );

  it('counts reads down per subscription and refills with the emulator clock', async () => {
    const first = Number(
      (await list()).headers['x-ms-ratelimit-remaining-subscription-reads'],
    );
    const second = Number(
      (await list()).headers['x-ms-ratelimit-remaining-subscription-reads'],
    );
    expect(first).toBe(249);
    expect(second).toBe(248);
    emu.advanceTime(60_000);
    expect(
      Number(
        (await list()).headers['x-ms-ratelimit-remaining-subscription-reads'],
      ),
    ).toBe(249);
  });
});
