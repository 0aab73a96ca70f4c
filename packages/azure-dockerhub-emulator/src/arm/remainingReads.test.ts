import { DEMO } from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';

describe('x-ms-ratelimit-remaining-subscription-reads', () => {
  // A frozen base clock: the bucket refills only when the test moves time.
  const frozen = Date.now();
  const { emu, client } = useEmulator({ now: () => frozen });
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
