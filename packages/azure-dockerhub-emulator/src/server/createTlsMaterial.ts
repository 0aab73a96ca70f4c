import crypto, { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
}

const VALID_DAYS = 30;
/** A stored certificate closer than this to its end is replaced, so a long CI day never sees it expire. */
const RENEW_BEFORE_MS = 7 * 86_400_000;

/** A fresh self-signed certificate for loopback: SAN IP:127.0.0.1, IP:::1 and DNS:localhost. */
export async function createTlsMaterial(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const pems = await generate(
    [{ name: 'commonName', value: 'azure-dockerhub-emulator' }],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: true },
        {
          name: 'keyUsage',
          digitalSignature: true,
          keyCertSign: true,
          keyEncipherment: true,
        },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
            { type: 2, value: 'localhost' },
          ],
        },
      ],
    },
  );
  return { key: pems.private, cert: pems.cert };
}

/** The certificate file kept in a `caDir`: the one clients trust (`caFile` of the plugins). */
export const CA_DIR_CERT = 'ca.pem';
const CA_DIR_KEY = 'ca-key.pem';

/**
 * The certificate and key kept in `dir`, reused across starts so that clients which read the CA
 * once (a Backstage backend reads `caFile` at startup) keep trusting a restarted emulator.
 * Created on first use, and replaced when unreadable, not matching, or within 7 days of expiry.
 */
export async function loadOrCreateTlsMaterial(
  dir: string,
  now = Date.now(),
): Promise<TlsMaterial> {
  const certPath = path.join(dir, CA_DIR_CERT);
  const keyPath = path.join(dir, CA_DIR_KEY);
  const stored = readStored(certPath, keyPath, now);
  if (stored) return stored;
  const fresh = await createTlsMaterial();
  fs.mkdirSync(dir, { recursive: true });
  // The key first and owner-only: it never needs to be readable by anyone else.
  fs.writeFileSync(keyPath, fresh.key, { mode: 0o600 });
  fs.writeFileSync(certPath, fresh.cert);
  return fresh;
}

function readStored(
  certPath: string,
  keyPath: string,
  now: number,
): TlsMaterial | undefined {
  let cert: string;
  let key: string;
  try {
    cert = fs.readFileSync(certPath, 'utf8');
    key = fs.readFileSync(keyPath, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const x509 = new X509Certificate(cert);
    if (Date.parse(x509.validTo) - now < RENEW_BEFORE_MS) return undefined;
    // A key from another run (e.g. a half-written directory) would fail every TLS handshake.
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key))) return undefined;
  } catch {
    return undefined;
  }
  return { key, cert };
}
