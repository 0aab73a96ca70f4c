import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { startEmulator } from '../startEmulator';
import { loadOrCreateTlsMaterial } from './createTlsMaterial';

describe('a kept CA (caDir)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-ca-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is reused by the next start, so clients that trust it need no restart', async () => {
    const first = await startEmulator({ caDir: dir });
    await first.stop();
    const second = await startEmulator({ caDir: dir });
    await second.stop();
    expect(second.caPem).toBe(first.caPem);
    expect(fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8')).toBe(first.caPem);
    // the key is the owner's alone
    expect(fs.statSync(path.join(dir, 'ca-key.pem')).mode & 0o077).toBe(0);
  });

  it('is replaced within 7 days of its end, and when its key does not match', async () => {
    const kept = await loadOrCreateTlsMaterial(dir);
    const validTo = Date.parse(new X509Certificate(kept.cert).validTo);
    expect(
      (await loadOrCreateTlsMaterial(dir, validTo - 8 * 86_400_000)).cert,
    ).toBe(kept.cert);
    const renewed = await loadOrCreateTlsMaterial(
      dir,
      validTo - 6 * 86_400_000,
    );
    expect(renewed.cert).not.toBe(kept.cert);

    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-ca-'));
    const foreign = await loadOrCreateTlsMaterial(other);
    fs.rmSync(other, { recursive: true, force: true });
    fs.writeFileSync(path.join(dir, 'ca-key.pem'), foreign.key);
    const repaired = await loadOrCreateTlsMaterial(dir);
    expect(repaired.cert).not.toBe(renewed.cert);
    expect(
      new X509Certificate(repaired.cert).checkPrivateKey(
        require('node:crypto').createPrivateKey(repaired.key),
      ),
    ).toBe(true);
  });
});
