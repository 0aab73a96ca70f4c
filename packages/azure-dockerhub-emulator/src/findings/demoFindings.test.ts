import { QUERY_TEMPLATES } from '../arm/resourceGraphQueries';
import { DEMO } from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';

const SEVERITIES = ['critical', 'high', 'medium', 'low'];

describe('the demo scenario’s acme/payments-api once acme is onboarded', () => {
  const { emu, client } = useEmulator();

  it('has enough open findings to page a Findings tab at 25 with filters, and a digest-only image', async () => {
    expect((await client.putConnector()).status).toBe(201);
    emu.advanceTime(11_000); // healthDelaySeconds: 10
    const res = await client.resourceGraph({
      query: QUERY_TEMPLATES.subscriptionOpenFindings.replace(
        '{limit}',
        '5000',
      ),
      subscriptions: [DEMO.prodSub],
    });
    expect(res.status).toBe(200);
    const byImage: Record<string, Record<string, number>> = {};
    const total: Record<string, number> = {};
    let fixable = 0;
    for (const row of res.json.data) {
      const severity = SEVERITIES[row.severityRank];
      for (const finding of row.findings) {
        const image: string = finding[1];
        if (!image.startsWith('acme/payments-api')) continue;
        (byImage[image] ??= {})[severity] = (byImage[image][severity] ?? 0) + 1;
        total[severity] = (total[severity] ?? 0) + 1;
        if (finding[3]) fixable++;
      }
    }
    // its three tags and one image known by digest only
    expect(Object.keys(byImage).sort()).toEqual([
      'acme/payments-api:1.4.1',
      'acme/payments-api:1.4.2',
      'acme/payments-api:latest',
      expect.stringMatching(/^acme\/payments-api@sha256:[0-9a-f]{64}$/),
    ]);
    // what the README says
    expect(total).toEqual({ critical: 11, high: 29, medium: 48, low: 55 });
    const open = Object.values(total).reduce((a, b) => a + b, 0);
    expect(open).toBeGreaterThanOrEqual(120);
    expect(open).toBeLessThanOrEqual(180);
    // each severity but Critical fills more than one page of 25
    expect(total.high).toBeGreaterThan(25);
    expect(fixable).toBeGreaterThan(open / 2);
    expect(fixable).toBeLessThan(open);
  });
});
